package news.dispatch.access;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.web.PageInfo;
import news.dispatch.web.PageParams;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/v1/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "apiKey")
@Tag(name = "API keys", description = "Administration of API keys (admin role).")
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final Representations representations;

    public ApiKeyResource(ApiKeyService keys, Representations representations) {
        this.keys = keys;
        this.representations = representations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "Role: admin. Creates a key and returns its secret, the only time it is ever shown: only a hash "
                    + "is stored. Partner keys carry entitlements: full text, and the sections and tags they may take.")
    @APIResponse(responseCode = "201", description = "The key, with its secret.",
            content = @Content(schema = @Schema(implementation = ApiKeyCreated.class)))
    public Response create(@Valid @NotNull ApiKeyInput input) {
        ApiKeyCreated created = keys.create(input);
        return Representations.createdOnce(created, "/v1/admin/api-keys/" + created.key().id());
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List API keys",
            description = "Role: admin. Every key, oldest first, revoked ones included, without secrets.")
    @APIResponse(responseCode = "200", description = "A page of keys.",
            content = @Content(schema = @Schema(implementation = ApiKeyPage.class)))
    public Response list(
            @BeanParam PageParams paging,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        PageParams.Request page = paging.check(ApiKeyService.ORDER);
        return representations.page(headers, uri, keys.list(page.size(), page.after(), page.withCount()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApiKey", summary = "Get an API key", description = "Role: admin. The key without its secret.")
    @APIResponse(responseCode = "200", description = "The key.", content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    public Response get(@PathParam("id") @Parameter(description = "The key's id.") String id, @Context HttpHeaders headers) {
        return representations.json(headers, keys.get(id), null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "Role: admin. The key stops working at once (the next request with it gets 401). It stays in the "
                    + "list with its `revokedAt`. Revoking a revoked key changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public Response revoke(@PathParam("id") @Parameter(description = "The key's id.") String id) {
        keys.revoke(id);
        return Response.noContent().build();
    }

    @Schema(name = "ApiKeyPage", description = "A page of API keys.")
    public record ApiKeyPage(List<ApiKeyView> items, PageInfo page) {
    }
}
