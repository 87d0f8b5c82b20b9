package news.dispatch.alert;

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
import news.dispatch.cache.CachedReads;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.PageInfo;
import news.dispatch.web.Params;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;
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

import java.util.ArrayList;
import java.util.List;

/** Breaking-news alerts (decision 161): public reads of the active ones, editor writes. */
@Path("/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Breaking-news alerts for apps' push pipelines.")
public class AlertResource {

    private final AlertService alerts;
    private final CachedReads reads;

    public AlertResource(AlertService alerts, CachedReads reads) {
        this.alerts = alerts;
        this.reads = reads;
    }

    @GET
    @Operation(operationId = "listAlerts", summary = "The active alerts",
            description = "Alerts not expired nor withdrawn, of articles readers may see now, newest first; with "
                    + "`topic`, only those about that section or tag. Cacheable (ETag, 304); an alert leaves the list "
                    + "within the cache lifetime (60 s) of expiring, at once when withdrawn.")
    @APIResponse(responseCode = "200", description = "The active alerts.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = AlertPage.class)))
    public Response list(@QueryParam("topic") @Parameter(description = "A section or tag slug.", example = "politics")
                         String topic,
                         @QueryParam("limit") @Parameter(description = "Most alerts to return, 1 to 100.",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                                         defaultValue = "20")) String limit,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int size = Params.limit(limit, errors);
        if (topic != null && (topic.length() > 200 || !topic.matches(AlertService.TOPIC))) {
            errors.add(new FieldError("topic", "must be a section or tag slug"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return reads.respond(headers, uri, () -> {
            AlertService.Listing listing = alerts.active(topic, size);
            return reads.render(new AlertPage(listing.items(), listing.page()), listing.keys());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "createAlert", summary = "Issue an alert",
            description = "Role: editor. For a published article past its embargo, or one of its live entries. "
                    + "Partners get an `alert` change for the article (and webhooks subscribed to `alert`) when they "
                    + "may see it.")
    @APIResponse(responseCode = "201", description = "The alert.", headers = @Header(name = "Location", description = "The alert list."),
            content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "404", ref = ApiResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiResponses.CONFLICT)
    public Response create(@Valid @NotNull AlertInput input) {
        AlertView alert = alerts.create(input);
        return Representations.createdOnce(alert, "/v1/alerts");
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "withdrawAlert", summary = "Withdraw an alert",
            description = "Role: editor. The alert leaves the active list at once. Withdrawing it again changes nothing.")
    @APIResponse(responseCode = "204", description = "Withdrawn.")
    public Response withdraw(@PathParam("id") @Parameter(description = "The alert's id.") String id) {
        alerts.withdraw(id);
        return Response.noContent().build();
    }

    @Schema(name = "AlertPage", description = "The active alerts, newest first.")
    public record AlertPage(List<AlertView> items, PageInfo page) {
    }
}
