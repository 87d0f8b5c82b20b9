package news.dispatch.article.preview;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.dispatch.access.Roles;
import news.dispatch.access.Role;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.Representations;
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

/** Preview links of drafts and scheduled articles (editor keys; docs/decisions/152). Reading one is {@code ?preview=}. */
@Path("/v1/articles/{slug}/previews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Articles")
public class PreviewResource {

    private final PreviewService previews;

    public PreviewResource(PreviewService previews) {
        this.previews = previews;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createArticlePreview", summary = "Make a preview link of a draft or scheduled article",
            description = "Role: editor. A token that opens this article, as it is when the link is followed, with "
                    + "`GET /v1/articles/{id}?preview=<token>` to anyone who has it, until it expires (at most 7 days; "
                    + "48 hours by default), is revoked, or the article is published, unpublished or deleted. It opens "
                    + "nothing else. The token is in this answer only (`Cache-Control: no-store`); only its hash is kept.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PreviewInput.class)))
    @APIResponse(responseCode = "201", description = "The link, with its token.",
            headers = @Header(name = "Location", description = "The preview URL (relative), with the token."),
            content = @Content(schema = @Schema(implementation = PreviewView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response create(@PathParam("slug") @Parameter(description = "The article's slug or id.") String slug,
                           PreviewInput input) {
        PreviewView created = previews.create(slug, input);
        return Representations.createdOnce(created, created.url());
    }

    @GET
    @Operation(operationId = "listArticlePreviews", summary = "The preview links of an article",
            description = "Role: editor. Newest first (the latest 100), without their tokens, each with whether it "
                    + "opens the article now.")
    @APIResponse(responseCode = "200", description = "The links.",
            content = @Content(schema = @Schema(implementation = PreviewList.class)))
    public Response list(@PathParam("slug") @Parameter(description = "The article's slug or id.") String slug) {
        return Response.ok(new PreviewList(previews.list(slug))).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Path("/{previewId}")
    @Operation(operationId = "revokeArticlePreview", summary = "Revoke a preview link",
            description = "Role: editor. The link stops working at once (`410` from then on). Revoking it again "
                    + "changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public Response revoke(@PathParam("slug") @Parameter(description = "The article's slug or id.") String slug,
                           @PathParam("previewId") @Parameter(description = "The preview's id.") String previewId) {
        previews.revoke(slug, previewId);
        return Response.noContent().build();
    }

    /** The preview links of an article. */
    @Schema(name = "PreviewList", description = "The preview links of an article, newest first.")
    public record PreviewList(List<PreviewView> items) {
    }
}
