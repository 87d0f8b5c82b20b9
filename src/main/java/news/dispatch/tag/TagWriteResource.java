package news.dispatch.tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.dispatch.access.Roles;
import news.dispatch.access.Role;
import news.dispatch.taxonomy.TaxonomyWriteResource;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Editors' writes of tags ({@link TaxonomyWriteResource}, worded by {@link TagWriteDocs}), and merging. Reads live
 * in {@link TagResource}.
 */
@Path("/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "apiKey")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Tags")
public class TagWriteResource extends TaxonomyWriteResource<Tag, TagInput> {

    private final TagWriteService writes;

    public TagWriteResource(TagWriteService writes, Representations representations) {
        super(writes, representations);
        this.writes = writes;
    }

    @POST
    @Path("/{slug}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "mergeTag", summary = "Merge a tag into another",
            description = "Role: editor. Every article of this tag gets the `into` tag instead (once), and this tag is deleted. "
                    + "`If-Match` (this tag's ETag) is optional; when sent it must be current.")
    @APIResponse(responseCode = "200", description = "The tag that remains.", content = @Content(schema = @Schema(implementation = TagView.class)))
    public Response merge(@PathParam("slug") @Parameter(description = "The tag to merge away (slug or id).") String slug,
                          @HeaderParam("If-Match") @Parameter(description = "The tag's current ETag.") String ifMatch,
                          @Valid @NotNull TagMergeInput input, @Context HttpHeaders headers) {
        return view(writes.merge(slug, ifMatch, input), headers);
    }
}
