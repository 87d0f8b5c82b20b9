package news.dispatch.syndication.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import news.dispatch.access.Role;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.PageInfo;
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

import java.util.List;

@Path("/v1/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Webhooks", description = "Admins register receivers of signed change notifications and read the delivery log.")
public class WebhookResource {

    private final WebhookService service;
    private final Representations representations;

    public WebhookResource(WebhookService service, Representations representations) {
        this.service = service;
        this.representations = representations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Register a webhook receiver",
            description = "From now on every change of the chosen types is POSTed to `url` as JSON (`WebhookPayload`), "
                    + "signed with `Dispatch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the "
                    + "secret>`, with `Dispatch-Delivery: <id>`. Any status outside 2xx, a timeout or a refused connection "
                    + "is retried with exponential backoff (10 s, 20 s, 40 s ... at most 1 h apart, 8 attempts). Changes are "
                    + "those a partner without entitlement limits may see, scheduled publications included when they go "
                    + "live. Role: admin.")
    @APIResponse(responseCode = "201", description = "Registered.",
            headers = @Header(name = "Location", description = "URL of the new webhook.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "429", ref = ApiResponses.TOO_MANY_REQUESTS)
    @APIResponse(responseCode = "413", ref = ApiResponses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiResponses.UNSUPPORTED_MEDIA_TYPE)
    public Response create(@Valid @NotNull WebhookInput input, @Context UriInfo uri) {
        WebhookView created = service.create(input);
        return Representations.createdOnce(created, "/v1/admin/webhooks/" + created.id());
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook receivers",
            description = "The registered receivers, oldest first. Role: admin.")
    @APIResponse(responseCode = "200", description = "A page of webhooks.",
            content = @Content(schema = @Schema(implementation = WebhookPage.class)))
    @APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "429", ref = ApiResponses.TOO_MANY_REQUESTS)
    public Response list(@QueryParam("limit") @Parameter(description = "Page size, 1 to 100.",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
                         String limit,
                         @QueryParam("cursor") @Parameter(description = "Opaque cursor from `page.next`.") String cursor,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        return privately(representations.page(headers, uri, service.list(limit, cursor)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook receiver", description = "Role: admin.")
    @APIResponse(responseCode = "200", description = "The webhook.",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "429", ref = ApiResponses.TOO_MANY_REQUESTS)
    public Response get(@PathParam("id") @Parameter(description = "The webhook's id.") String id, @Context HttpHeaders headers) {
        return privately(representations.json(headers, service.get(id), null));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook receiver",
            description = "Stops deliveries (pending ones are dropped) and removes the delivery log. Role: admin.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "406", ref = ApiResponses.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "429", ref = ApiResponses.TOO_MANY_REQUESTS)
    public Response delete(@PathParam("id") @Parameter(description = "The webhook's id.") String id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Read a webhook's delivery log",
            description = "Every delivery, newest first, with its status (`pending`, `delivered`, `failed`), attempts, "
                    + "the latest HTTP status or error and when the next attempt is due. Role: admin.")
    @APIResponse(responseCode = "200", description = "A page of deliveries.",
            content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "429", ref = ApiResponses.TOO_MANY_REQUESTS)
    public Response deliveries(@PathParam("id") @Parameter(description = "The webhook's id.") String id,
                               @QueryParam("limit") @Parameter(description = "Page size, 1 to 100.",
                                       schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                                               defaultValue = "20")) String limit,
                               @QueryParam("cursor") @Parameter(description = "Opaque cursor from `page.next`.") String cursor,
                               @Context HttpHeaders headers, @Context UriInfo uri) {
        return privately(representations.page(headers, uri, service.deliveries(id, limit, cursor)));
    }

    /** Admin data: never stored by shared caches. */
    private static Response privately(Response response) {
        return Response.fromResponse(response).header(HttpHeaders.CACHE_CONTROL, null)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }

    @Schema(name = "WebhookPage", description = "A page of webhooks.")
    public record WebhookPage(List<WebhookView> items, PageInfo page) {
    }

    @Schema(name = "DeliveryPage", description = "A page of webhook deliveries.")
    public record DeliveryPage(List<DeliveryView> items, PageInfo page) {
    }
}
