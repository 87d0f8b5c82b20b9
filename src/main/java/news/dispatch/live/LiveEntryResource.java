package news.dispatch.live;

import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import news.dispatch.cache.CachedReads;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.MergePatch;
import news.dispatch.web.Params;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** A live blog's entries (decision 160): public reads, editor writes. */
@Path("/v1/articles/{slug}/entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live blogs", description = "Entries of live articles, and what changed in them since the last poll.")
public class LiveEntryResource {

    private static final String IF_MATCH = "The ETag of the entry being edited (from GET or the last write).";

    private final LiveEntryService entries;
    private final Representations representations;
    private final CachedReads reads;

    public LiveEntryResource(LiveEntryService entries, Representations representations, CachedReads reads) {
        this.entries = entries;
        this.representations = representations;
        this.reads = reads;
    }

    @GET
    @Operation(operationId = "listLiveEntries", summary = "Read a live blog's entries",
            description = "Newest first (by the time each entry shows), in keyset pages (`page.next`, `Link`). Without "
                    + "`since`: the entries the blog has. With `since` (the `latest` of an earlier answer): only the "
                    + "entries added, edited or deleted after it, deleted ones as tombstones (`deleted: true`), so an "
                    + "app on a live page polls with one small request. Cacheable like the article (ETag, 304); every "
                    + "entry write invalidates it.")
    @APIResponse(responseCode = "200", description = "A page of entries.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Link", ref = "Link")},
            content = @Content(schema = @Schema(implementation = LiveEntryPage.class)))
    public Response list(@PathParam("slug") @Parameter(description = "The article's slug or id.") String slug,
                         @QueryParam("since") @Parameter(description = "The `latest` of an earlier answer.") String since,
                         @QueryParam("limit") @Parameter(description = "Page size, 1 to 100.",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                                         defaultValue = "20")) String limit,
                         @QueryParam("cursor") @Parameter(description = "Opaque cursor from `page.next`.") String cursor,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int size = Params.limit(limit, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return reads.respond(headers, uri, () -> {
            LiveEntryService.Listing listing = entries.page(slug, since, cursor, size);
            return representations.render(listing.page(), null, null,
                    Representations.nextLink(uri, listing.page().page()), listing.keys());
        });
    }

    @GET
    @Path("/{entryId}")
    @Operation(operationId = "getLiveEntry", summary = "Read one entry of a live blog",
            description = "The entry, with the ETag a PATCH or DELETE names in `If-Match`.")
    @APIResponse(responseCode = "200", description = "The entry.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = LiveEntryView.class)))
    public Response get(@PathParam("slug") @Parameter(description = "The article's slug or id.") String slug,
                        @PathParam("entryId") @Parameter(description = "The entry's id.") String entryId,
                        @Context HttpHeaders headers, @Context UriInfo uri) {
        return reads.respond(headers, uri, () -> {
            LiveEntryService.Stored stored = entries.get(slug, entryId);
            return render(stored);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "createLiveEntry", summary = "Add an entry to a live blog",
            description = "Role: editor. The article must be live (`live: true`). The body is sanitised as article "
                    + "bodies are. The article gets a new version (`updatedAt`, ETag), and partners an `entry-added` "
                    + "when they may see it.")
    @APIResponse(responseCode = "201", description = "The entry as stored.",
            headers = {@Header(name = "Location", description = "The entry's URL."), @Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = LiveEntryView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response create(@PathParam("slug") @Parameter(description = "The article's slug or id.") String slug,
                           @Valid @NotNull LiveEntryInput input, @Context HttpHeaders headers) {
        LiveEntryService.Stored stored = entries.create(slug, input);
        return Representations.created(representations.respond(headers, render(stored)),
                "/v1/articles/" + stored.view().articleId() + "/entries/" + stored.view().id());
    }

    @PATCH
    @Path("/{entryId}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "patchLiveEntry", summary = "Change some fields of an entry",
            description = "Role: editor. A JSON merge patch (RFC 7396) applied to the entry as editors write it "
                    + "(`LiveEntryInput`), then validated as a POST. Requires `If-Match`. Partners get `entry-updated`.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = LiveEntryInput.class)))
    @APIResponse(responseCode = "200", description = "The entry as stored.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = LiveEntryView.class)))
    @APIResponse(responseCode = "412", ref = ApiResponses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "428", ref = ApiResponses.PRECONDITION_REQUIRED)
    public Response patch(@PathParam("slug") @Parameter(description = "The article's slug or id.") String slug,
                          @PathParam("entryId") @Parameter(description = "The entry's id.") String entryId,
                          @HeaderParam("If-Match") @Parameter(description = IF_MATCH, required = true) String ifMatch,
                          @NotNull JsonNode patch, @Context HttpHeaders headers) {
        return representations.respond(headers, render(entries.patch(slug, entryId, ifMatch, patch)));
    }

    @DELETE
    @Path("/{entryId}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "deleteLiveEntry", summary = "Delete an entry",
            description = "Role: editor. The entry disappears from the blog; polls with `since` get its tombstone, "
                    + "partners an `entry-deleted`. Requires `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "412", ref = ApiResponses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "428", ref = ApiResponses.PRECONDITION_REQUIRED)
    public Response delete(@PathParam("slug") @Parameter(description = "The article's slug or id.") String slug,
                           @PathParam("entryId") @Parameter(description = "The entry's id.") String entryId,
                           @HeaderParam("If-Match") @Parameter(description = IF_MATCH, required = true) String ifMatch) {
        entries.delete(slug, entryId, ifMatch);
        return Response.noContent().build();
    }

    private Representation render(LiveEntryService.Stored stored) {
        return representations.render(stored.view(), stored.updatedAt(), stored.version(), null, stored.keys());
    }
}
