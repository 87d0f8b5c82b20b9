package news.dispatch.article;

import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.access.Roles;
import news.dispatch.access.Role;
import news.dispatch.article.revision.ArticleRevisions;
import news.dispatch.article.revision.RevisionView;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.MergePatch;
import news.dispatch.web.PageInfo;
import news.dispatch.web.PageParams;
import news.dispatch.web.Representations;
import news.dispatch.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The newsroom's article writes (editor keys). Reads live in {@link ArticleResource}. */
@Path("/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Articles")
public class ArticleWriteResource {

    private static final String IF_MATCH = "The ETag of the version being edited (from GET or the last write).";

    private final ArticleWriteService writes;
    private final ArticleService reads;
    private final ArticleRevisions revisions;
    private final Representations representations;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public ArticleWriteResource(ArticleWriteService writes, ArticleService reads, ArticleRevisions revisions,
                                Representations representations, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.writes = writes;
        this.reads = reads;
        this.revisions = revisions;
        this.representations = representations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createArticle", summary = "Create an article",
            description = "Role: editor. A draft unless `status` says otherwise (`published` now, or `scheduled` with "
                    + "`publishAt`). The slug is made from the headline when not given. Body HTML is sanitised.")
    @APIResponse(responseCode = "201", description = "The article as stored.",
            headers = {@Header(name = "Location", description = "The article's URL."), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response create(@Valid @NotNull ArticleInput input, @Context HttpHeaders headers) {
        Article a = writes.create(input);
        return Representations.created(view(a, headers), "/v1/articles/" + a.id);
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceArticle", summary = "Replace an article",
            description = "Role: editor. Replaces every editable field; absent optional fields are cleared, an absent "
                    + "`status` leaves the workflow state as it is. Requires `If-Match`. The prior version is kept as a revision.")
    @APIResponse(responseCode = "200", description = "The article as stored.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response replace(@PathParam("slug") @Parameter(description = "The article's slug or id.") String id,
                            @HeaderParam("If-Match") @Parameter(description = IF_MATCH, required = true) String ifMatch,
                            @Valid @NotNull ArticleInput input, @Context HttpHeaders headers) {
        return view(writes.replace(id, ifMatch, input), headers);
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchArticle", summary = "Change some fields of an article",
            description = "Role: editor. A JSON merge patch (RFC 7396) applied to the article as editors write it "
                    + "(`ArticleInput`), then validated exactly as a PUT; `null` clears a field. Requires `If-Match`.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = ArticleInput.class)))
    @APIResponse(responseCode = "200", description = "The article as stored.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response patch(@PathParam("slug") @Parameter(description = "The article's slug or id.") String id,
                          @HeaderParam("If-Match") @Parameter(description = IF_MATCH, required = true) String ifMatch,
                          @NotNull JsonNode patch, @Context HttpHeaders headers) {
        return view(writes.patch(id, ifMatch, patch), headers);
    }

    @DELETE
    @Path("/{slug}")
    @Operation(operationId = "deleteArticle", summary = "Delete an article",
            description = "Role: editor. A soft delete: the article disappears from every read, its slug stays reserved, "
                    + "and if it was ever published the change feed gets a `delete` tombstone. Requires `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("slug") @Parameter(description = "The article's slug or id.") String id,
                           @HeaderParam("If-Match") @Parameter(description = IF_MATCH, required = true) String ifMatch) {
        writes.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{slug}/publish")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "publishArticle", summary = "Publish or schedule an article",
            description = "Role: editor. Without a body, or with `at` not in the future: published now (`publishedAt` = now; "
                    + "`firstPublishedAt` only the first time). With a future `at`: scheduled, and published at that time "
                    + "with no further request. `If-Match` is optional; when sent it must be current.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = PublishInput.class)))
    @APIResponse(responseCode = "200", description = "The article as stored.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response publish(@PathParam("slug") @Parameter(description = "The article's slug or id.") String id,
                            @HeaderParam("If-Match") @Parameter(description = IF_MATCH) String ifMatch,
                            byte[] body, @Context HttpHeaders headers) {
        return view(writes.publish(id, ifMatch, optionalJson(body, headers, PublishInput.class)), headers);
    }

    @POST
    @Path("/{slug}/unpublish")
    @Operation(operationId = "unpublishArticle", summary = "Unpublish an article",
            description = "Role: editor. Takes a published article down (partners get `unpublish`); a scheduled one goes "
                    + "back to its former state. `If-Match` is optional; when sent it must be current.")
    @APIResponse(responseCode = "200", description = "The article as stored.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response unpublish(@PathParam("slug") @Parameter(description = "The article's slug or id.") String id,
                              @HeaderParam("If-Match") @Parameter(description = IF_MATCH) String ifMatch,
                              @Context HttpHeaders headers) {
        return view(writes.unpublish(id, ifMatch), headers);
    }

    @POST
    @Path("/{slug}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "correctArticle", summary = "Append a correction",
            description = "Role: editor. Appends a correction stamped with the current time; corrections are never edited "
                    + "or removed. `If-Match` is optional; when sent it must be current.")
    @APIResponse(responseCode = "201", description = "The article with the correction.",
            headers = @Header(name = "ETag", ref = "ETag"), content = @Content(schema = @Schema(implementation = ArticleView.class)))
    public Response correct(@PathParam("slug") @Parameter(description = "The article's slug or id.") String id,
                            @HeaderParam("If-Match") @Parameter(description = IF_MATCH) String ifMatch,
                            @Valid @NotNull CorrectionInput input, @Context HttpHeaders headers) {
        return Representations.created(view(writes.correct(id, ifMatch, input), headers), null);
    }

    @PUT
    @Path("/{slug}/related")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setRelatedArticles", summary = "Set the curated related links",
            description = "Role: editor. Replaces the curated links, in order. Links to articles readers cannot see are "
                    + "kept but shown only once the linked article is published. `If-Match` is optional; when sent it must be current.")
    @APIResponse(responseCode = "200", description = "The article with its related posts.",
            headers = @Header(name = "ETag", ref = "ETag"), content = @Content(schema = @Schema(implementation = ArticleView.class)))
    public Response setRelated(@PathParam("slug") @Parameter(description = "The article's slug or id.") String id,
                               @HeaderParam("If-Match") @Parameter(description = IF_MATCH) String ifMatch,
                               @Valid @NotNull @Size(max = 20) List<@NotNull @Valid RelatedLinkInput> links,
                               @Context HttpHeaders headers) {
        return view(writes.setRelated(id, ifMatch, links), headers);
    }

    @GET
    @Path("/{slug}/revisions")
    @Operation(operationId = "listArticleRevisions", summary = "Earlier versions of an article",
            description = "Role: editor. Every version an update replaced, newest first, with the fields as editors wrote them.")
    @APIResponse(responseCode = "200", description = "A page of revisions.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Link", ref = "Link")},
            content = @Content(schema = @Schema(implementation = RevisionPage.class)))
    public Response revisions(@PathParam("slug") @Parameter(description = "The article's slug or id.") String id,
                              @BeanParam PageParams paging,
                              @Context HttpHeaders headers, @Context UriInfo uri) {
        PageParams.Request page = paging.check(ArticleRevisions.ORDER);
        return representations.page(headers, uri, revisions.list(writes.require(id).id, page.size(), page.after(),
                page.withCount()));
    }

    @GET
    @Path("/{slug}/revisions/{version}")
    @Operation(operationId = "getArticleRevision", summary = "One earlier version of an article",
            description = "Role: editor. The version as editors wrote it. With `compare` (another kept version's number, "
                    + "or `current`), `differences` lists the fields that differ, `from` this version `to` the other.")
    @APIResponse(responseCode = "200", description = "The revision.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = RevisionView.class)))
    public Response revision(@PathParam("slug") @Parameter(description = "The article's slug or id.") String id,
                             @PathParam("version") @Parameter(description = "The version number (as in `revisions`).") String version,
                             @QueryParam("compare") @Parameter(description = "Another version number, or `current`.",
                                     example = "current") String compare,
                             @Context HttpHeaders headers) {
        return representations.json(headers, writes.revision(id, version(version), compare), null);
    }

    @POST
    @Path("/{slug}/revisions/{version}/restore")
    @Operation(operationId = "restoreArticleRevision", summary = "Restore an earlier version",
            description = "Role: editor. Makes the version's content (headline, standfirst, body, dateline, lead image, "
                    + "section, tags, bylines, language, syndication) current again as a new version; the one it replaces "
                    + "is kept as a revision. The slug and the workflow state stay as they are. Requires `If-Match` (the "
                    + "article's current ETag). Partners get an `update`.")
    @APIResponse(responseCode = "200", description = "The article as stored.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    public Response restore(@PathParam("slug") @Parameter(description = "The article's slug or id.") String id,
                            @PathParam("version") @Parameter(description = "The version number to restore.") String version,
                            @HeaderParam("If-Match") @Parameter(description = IF_MATCH, required = true) String ifMatch,
                            @Context HttpHeaders headers) {
        return view(writes.restore(id, ifMatch, version(version)), headers);
    }

    /** A version number in a path: anything else names no revision. */
    private static long version(String value) {
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ProblemException.notFound("revision", value);
    }

    /**
     * An optional JSON body: absent (whatever Content-Type a client sends with no body, as curl and
     * many libraries do) means null; present, it must be application/json.
     */
    private <T> T optionalJson(byte[] body, HttpHeaders headers, Class<T> type) {
        if (body == null || body.length == 0) {
            return null;
        }
        MediaType mediaType = headers.getMediaType();
        if (mediaType == null || !mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new jakarta.ws.rs.NotSupportedException();
        }
        try {
            return json.readValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new news.dispatch.web.problem.UnreadableJson(e);
        } catch (java.io.IOException e) {
            throw ProblemException.invalid("body", "cannot be read");
        }
    }

    /** The article as an editor reads it, with its ETag ("<version>.<hash>"). */
    private Response view(Article a, HttpHeaders headers) {
        ArticleService.Lookup lookup = reads.get(a.id.toString());
        return representations.stored(headers, lookup.article(), lookup.lastModified(), lookup.version());
    }

    @Schema(name = "RevisionPage", description = "A page of revisions, newest first.")
    public record RevisionPage(List<RevisionView> items, PageInfo page) {
    }
}
