package news.dispatch.syndication.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
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
import news.dispatch.access.Caller;
import news.dispatch.access.CurrentCaller;
import news.dispatch.access.Role;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * A partner's own webhook receivers (decision 162): registered with its key, filtered by that key's rights exactly as
 * its {@code /v1/changes} is; it sees and deletes its own only (another's is a 404).
 */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Syndication")
public class PartnerWebhookResource {

    private final WebhookService service;
    private final Representations representations;
    private final CurrentCaller caller;

    public PartnerWebhookResource(WebhookService service, Representations representations, CurrentCaller caller) {
        this.service = service;
        this.representations = representations;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOwnWebhook", summary = "Register a receiver for your key",
            description = "Role: partner (a key of its own). Deliveries carry what your key may see on `/v1/changes`: "
                    + "your sections and tags, embargoes, `syndication.allowed`. Signed and retried as admin receivers are.")
    @APIResponse(responseCode = "201", description = "Registered.",
            headers = @Header(name = "Location", description = "URL of the new webhook.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "403", ref = ApiResponses.FORBIDDEN)
    public Response create(@Valid @NotNull WebhookInput input) {
        WebhookView created = service.create(input, owner());
        return Representations.createdOnce(created, "/v1/webhooks/" + created.id());
    }

    @GET
    @Operation(operationId = "listOwnWebhooks", summary = "List your receivers", description = "Role: partner. Oldest first.")
    @APIResponse(responseCode = "200", description = "A page of webhooks.",
            content = @Content(schema = @Schema(implementation = WebhookResource.WebhookPage.class)))
    public Response list(@QueryParam("limit") @Parameter(description = "Page size, 1 to 100.",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
                         String limit,
                         @QueryParam("cursor") @Parameter(description = "Opaque cursor from `page.next`.") String cursor,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        return representations.page(headers, uri, service.list(limit, cursor, owner()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOwnWebhook", summary = "Get one of your receivers", description = "Role: partner.")
    @APIResponse(responseCode = "200", description = "The webhook.", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Response get(@PathParam("id") @Parameter(description = "The webhook's id.") String id, @Context HttpHeaders headers) {
        return representations.json(headers, service.get(id, owner()), null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteOwnWebhook", summary = "Delete one of your receivers",
            description = "Role: partner. Pending deliveries are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") @Parameter(description = "The webhook's id.") String id) {
        service.delete(id, owner());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listOwnWebhookDeliveries", summary = "Read one of your receivers' delivery log",
            description = "Role: partner. Newest first.")
    @APIResponse(responseCode = "200", description = "A page of deliveries.",
            content = @Content(schema = @Schema(implementation = WebhookResource.DeliveryPage.class)))
    public Response deliveries(@PathParam("id") @Parameter(description = "The webhook's id.") String id,
                               @QueryParam("limit") @Parameter(description = "Page size, 1 to 100.",
                                       schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                                               defaultValue = "20")) String limit,
                               @QueryParam("cursor") @Parameter(description = "Opaque cursor from `page.next`.") String cursor,
                               @Context HttpHeaders headers, @Context UriInfo uri) {
        return representations.page(headers, uri, service.deliveries(id, limit, cursor, owner()));
    }

    /** The partner key: receivers here belong to a partner key (admins and editors use /v1/admin/webhooks). */
    private UUID owner() {
        Caller who = caller.get();
        if (who.role() != Role.PARTNER || who.keyId() == null) {
            throw new ForbiddenException("Webhooks here belong to partner keys; admins register receivers at /v1/admin/webhooks.");
        }
        return who.keyId();
    }
}
