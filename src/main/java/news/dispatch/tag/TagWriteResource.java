package news.dispatch.tag;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.dispatch.access.Allowed;
import news.dispatch.access.Role;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.MergePatch;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Editors' writes of tags, and merging. Reads live in {@link TagResource}. */
@Path("/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.EDITOR)
@SecurityRequirement(name = "apiKey")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Tags")
public class TagWriteResource {

    private final TagWriteService writes;
    private final Representations representations;

    public TagWriteResource(TagWriteService writes, Representations representations) {
        this.writes = writes;
        this.representations = representations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTag", summary = "Create a tag", description = "Role: editor. The slug is made from the name when absent.")
    @APIResponse(responseCode = "201", description = "The tag.", content = @Content(schema = @Schema(implementation = TagView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response create(@Valid @NotNull TagInput input, @Context HttpHeaders headers) {
        Tag s = writes.create(input);
        return Representations.created(view(s, headers), "/v1/tags/" + s.slug);
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceTag", summary = "Replace a tag", description = "Role: editor. Requires `If-Match`.")
    @APIResponse(responseCode = "200", description = "The tag.", content = @Content(schema = @Schema(implementation = TagView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response replace(@PathParam("slug") @Parameter(description = "The tag's slug or id.") String slug,
                            @HeaderParam("If-Match") @Parameter(description = "The tag's current ETag.", required = true) String ifMatch,
                            @Valid @NotNull TagInput input, @Context HttpHeaders headers) {
        return view(writes.replace(slug, ifMatch, input), headers);
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchTag", summary = "Change some fields of a tag",
            description = "Role: editor. JSON merge patch (RFC 7396) on `TagInput`, validated as a PUT. Requires `If-Match`.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = TagInput.class)))
    @APIResponse(responseCode = "200", description = "The tag.", content = @Content(schema = @Schema(implementation = TagView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response patch(@PathParam("slug") @Parameter(description = "The tag's slug or id.") String slug,
                          @HeaderParam("If-Match") @Parameter(description = "The tag's current ETag.", required = true) String ifMatch,
                          @NotNull JsonNode patch, @Context HttpHeaders headers) {
        return view(writes.patch(slug, ifMatch, patch), headers);
    }

    @DELETE
    @Path("/{slug}")
    @Operation(operationId = "deleteTag", summary = "Delete a tag",
            description = "Role: editor. 409 while articles (not deleted) carry it: merge it instead. Requires `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response delete(@PathParam("slug") @Parameter(description = "The tag's slug or id.") String slug,
                           @HeaderParam("If-Match") @Parameter(description = "The tag's current ETag.", required = true) String ifMatch) {
        writes.delete(slug, ifMatch);
        return Response.noContent().build();
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

    private Response view(Tag s, HttpHeaders headers) {
        return representations.stored(headers, writes.view(s), s.updatedAt, s.version);
    }
}
