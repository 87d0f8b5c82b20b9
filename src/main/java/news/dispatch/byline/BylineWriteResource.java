package news.dispatch.byline;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Editors' writes of bylines. Reads live in {@link BylineResource}. */
@Path("/v1/bylines")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.EDITOR)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Bylines")
public class BylineWriteResource {

    private final BylineWriteService writes;
    private final Representations representations;

    public BylineWriteResource(BylineWriteService writes, Representations representations) {
        this.writes = writes;
        this.representations = representations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createByline", summary = "Create a byline", description = "Role: editor. The slug is made from the name when absent.")
    @APIResponse(responseCode = "201", description = "The byline.", content = @Content(schema = @Schema(implementation = BylineView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response create(@Valid @NotNull BylineInput input, @Context HttpHeaders headers) {
        Byline s = writes.create(input);
        return Representations.created(view(s, headers), "/v1/bylines/" + s.slug);
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceByline", summary = "Replace a byline", description = "Role: editor. Requires `If-Match`.")
    @APIResponse(responseCode = "200", description = "The byline.", content = @Content(schema = @Schema(implementation = BylineView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response replace(@PathParam("slug") @Parameter(description = "The byline's slug or id.") String slug,
                            @HeaderParam("If-Match") @Parameter(description = "The byline's current ETag.", required = true) String ifMatch,
                            @Valid @NotNull BylineInput input, @Context HttpHeaders headers) {
        return view(writes.replace(slug, ifMatch, input), headers);
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchByline", summary = "Change some fields of a byline",
            description = "Role: editor. JSON merge patch (RFC 7396) on `BylineInput`, validated as a PUT. Requires `If-Match`.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = BylineInput.class)))
    @APIResponse(responseCode = "200", description = "The byline.", content = @Content(schema = @Schema(implementation = BylineView.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response patch(@PathParam("slug") @Parameter(description = "The byline's slug or id.") String slug,
                          @HeaderParam("If-Match") @Parameter(description = "The byline's current ETag.", required = true) String ifMatch,
                          @NotNull JsonNode patch, @Context HttpHeaders headers) {
        return view(writes.patch(slug, ifMatch, patch), headers);
    }

    @DELETE
    @Path("/{slug}")
    @Operation(operationId = "deleteByline", summary = "Delete a byline",
            description = "Role: editor. 409 while articles still carry the byline. Requires `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response delete(@PathParam("slug") @Parameter(description = "The byline's slug or id.") String slug,
                           @HeaderParam("If-Match") @Parameter(description = "The byline's current ETag.", required = true) String ifMatch) {
        writes.delete(slug, ifMatch);
        return Response.noContent().build();
    }

    private Response view(Byline s, HttpHeaders headers) {
        return representations.stored(headers, BylineView.of(s), s.updatedAt, s.version);
    }
}
