package news.dispatch.front;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.dispatch.access.Roles;
import news.dispatch.access.Role;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.PageInfo;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Editors' writes of fronts and their scheduled changes (docs/decisions/153). Reads live in {@link FrontResource}. */
@Path("/v1/fronts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Fronts")
public class FrontWriteResource {

    private final FrontWriteService writes;
    private final FrontService reads;
    private final Representations representations;

    public FrontWriteResource(FrontWriteService writes, FrontService reads, Representations representations) {
        this.writes = writes;
        this.reads = reads;
        this.representations = representations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFront", summary = "Create a front",
            description = "Role: editor. The slug is made from the title when absent. Every slot names an existing "
                    + "article (drafts and scheduled ones show once published), each once per collection.")
    @APIResponse(responseCode = "201", description = "The front as written; its ETag is what `If-Match` names.",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = FrontDefinition.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response create(@Valid @NotNull FrontInput input, @Context HttpHeaders headers) {
        Front f = writes.create(input);
        return Representations.created(stored(f, headers), "/v1/fronts/" + f.slug);
    }

    @GET
    @Path("/{slug}/definition")
    @Operation(operationId = "getFrontDefinition", summary = "Get a front as written",
            description = "Role: editor. Every slot with its article id and overrides, whatever the articles' state; the "
                    + "ETag is what `If-Match` names on `PUT` and `DELETE`.")
    @APIResponse(responseCode = "200", description = "The front as written.",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = FrontDefinition.class)))
    public Response definition(@PathParam("slug") @Parameter(description = "The front's slug or id.") String slug,
                               @Context HttpHeaders headers) {
        Front f = reads.front(slug);
        return representations.stored(headers, reads.definition(f), f.updatedAt, f.version);
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceFront", summary = "Replace a front",
            description = "Role: editor. The whole front, at once. Requires `If-Match` (the definition's ETag).")
    @APIResponse(responseCode = "200", description = "The front as written.",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(schema = @Schema(implementation = FrontDefinition.class)))
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    @APIResponse(responseCode = "412", ref = ApiResponses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "428", ref = ApiResponses.PRECONDITION_REQUIRED)
    public Response replace(@PathParam("slug") @Parameter(description = "The front's slug or id.") String slug,
                            @HeaderParam("If-Match") @Parameter(description = "The front definition's current ETag.", required = true) String ifMatch,
                            @Valid @NotNull FrontInput input, @Context HttpHeaders headers) {
        return stored(writes.replace(slug, ifMatch, input), headers);
    }

    @DELETE
    @Path("/{slug}")
    @Operation(operationId = "deleteFront", summary = "Delete a front",
            description = "Role: editor. Its pending scheduled changes go with it. Requires `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "412", ref = ApiResponses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "428", ref = ApiResponses.PRECONDITION_REQUIRED)
    public Response delete(@PathParam("slug") @Parameter(description = "The front's slug or id.") String slug,
                           @HeaderParam("If-Match") @Parameter(description = "The front definition's current ETag.", required = true) String ifMatch) {
        writes.delete(slug, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{slug}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scheduleFrontChange", summary = "Schedule a change of a front",
            description = "Role: editor. The front's title and collections as they will be at `at`; applied within a "
                    + "few seconds of that time, with a `front` entry in the change feed. Several may be pending; they "
                    + "take effect in time order. An edit of the front meanwhile is kept until the next one applies.")
    @APIResponse(responseCode = "201", description = "The scheduled change.",
            content = @Content(schema = @Schema(implementation = FrontScheduleView.class)))
    public Response schedule(@PathParam("slug") @Parameter(description = "The front's slug or id.") String slug,
                             @Valid @NotNull FrontScheduleInput input) {
        FrontScheduleView view = writes.schedule(slug, input);
        return Representations.createdOnce(view, "/v1/fronts/" + view.front() + "/schedule/" + view.id());
    }

    @GET
    @Path("/{slug}/schedule")
    @Operation(operationId = "listFrontSchedule", summary = "List a front's scheduled changes",
            description = "Role: editor. Pending changes first, the next due first; then those applied.")
    @APIResponse(responseCode = "200", description = "The scheduled changes (one page).",
            content = @Content(schema = @Schema(implementation = FrontSchedulePage.class)))
    public Response schedules(@PathParam("slug") @Parameter(description = "The front's slug or id.") String slug) {
        List<FrontScheduleView> all = writes.schedules(slug);
        return Response.ok(new FrontSchedulePage(all, new PageInfo(all.size(), null, null)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Path("/{slug}/schedule/{id}")
    @Operation(operationId = "cancelFrontChange", summary = "Cancel a scheduled change of a front",
            description = "Role: editor. 404 for another front's change, 409 for one that already took effect.")
    @APIResponse(responseCode = "204", description = "Cancelled.")
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response cancel(@PathParam("slug") @Parameter(description = "The front's slug or id.") String slug,
                           @PathParam("id") @Parameter(description = "The scheduled change's id.") String id) {
        writes.cancel(slug, id);
        return Response.noContent().build();
    }

    private Response stored(Front f, HttpHeaders headers) {
        return representations.stored(headers, reads.definition(f), f.updatedAt, f.version);
    }

    @Schema(name = "FrontSchedulePage", description = "A front's scheduled changes.")
    public record FrontSchedulePage(List<FrontScheduleView> items, PageInfo page) {
    }
}
