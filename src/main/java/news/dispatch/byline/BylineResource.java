package news.dispatch.byline;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.web.PageInfo;
import news.dispatch.web.PageParams;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/v1/bylines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bylines", description = "Journalists, photographers and agencies, and their articles.")
public class BylineResource {

    private final BylineService bylines;
    private final Representations representations;

    public BylineResource(BylineService bylines, Representations representations) {
        this.bylines = bylines;
        this.representations = representations;
    }

    @GET
    @Operation(operationId = "listBylines", summary = "List bylines",
            description = "Bylines by name, filtered by kind and name prefix.")
    @APIResponse(responseCode = "200", description = "A page of bylines.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Link", ref = "Link")},
            content = @Content(schema = @Schema(implementation = BylinePage.class)))
    public Response list(
            @QueryParam("kind") @Parameter(description = "Only bylines of this kind.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"person", "organisation"})) String kind,
            @QueryParam("q") @Parameter(description = "Name prefix, case-insensitive.", example = "es") String q,
            @BeanParam PageParams paging,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        var page = bylines.list(kind, q, paging);
        List<String> keys = new java.util.ArrayList<>(List.of("bylines"));
        page.items().forEach(b -> keys.add("byline-" + b.slug()));
        return representations.page(headers, uri, page, keys);
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getByline", summary = "Get a byline", description = "Name, kind, title, bio, avatar and links.")
    @APIResponse(responseCode = "200", description = "The byline.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Last-Modified", ref = "LastModified")},
            content = @Content(schema = @Schema(implementation = BylineView.class)))
    public Response get(@PathParam("slug") @Parameter(description = "The byline's slug or id.", example = "esta") String slug,
                        @Context HttpHeaders headers) {
        BylineView byline = bylines.get(slug);
        // The version part of the ETag lets editors send it back as If-Match.
        return representations.respond(headers, representations.render(byline, byline.updatedAt(), bylines.version(byline.id()), null,
                List.of("byline-" + byline.slug())));
    }

    @Schema(name = "BylinePage", description = "A page of bylines.")
    public record BylinePage(List<BylineView> items, PageInfo page) {
    }
}
