package news.dispatch.front;

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
import news.dispatch.article.ArticleShape;
import news.dispatch.cache.CachedReads;
import news.dispatch.web.PageInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Reads of curated fronts (docs/decisions/153); editors' writes live in {@link FrontWriteResource}. */
@Path("/v1/fronts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fronts", description = "Curated fronts: the app's home screen and section fronts, made by editors.")
public class FrontResource {

    private final FrontService fronts;
    private final CachedReads reads;

    public FrontResource(FrontService fronts, CachedReads reads) {
        this.fronts = fronts;
        this.reads = reads;
    }

    @GET
    @Operation(operationId = "listFronts", summary = "List fronts", description = "Every front, in display order.")
    @APIResponse(responseCode = "200", description = "The fronts (one page).",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "CacheControl"),
                    @Header(name = "Vary", ref = "Vary"), @Header(name = "Surrogate-Key", ref = "SurrogateKey")},
            content = @Content(schema = @Schema(implementation = FrontPage.class)))
    public Response list(@Context HttpHeaders headers, @Context UriInfo uri) {
        return reads.respond(headers, uri, () -> reads.render(fronts.list(), List.of(Front.LIST_KEY)));
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getFront", summary = "Get a front",
            description = "The whole front in one request: its collections in order, each with the articles of its slots "
                    + "as list summaries and the front's overrides (`headline`, `image`). Only published articles the "
                    + "caller may see are shown (partners' rights apply); the others are left out until they are. "
                    + "A constant number of SQL statements whatever the front's size. Public answers are cached and "
                    + "purged when the front or one of its articles changes (docs/decisions/153).")
    @APIResponse(responseCode = "200", description = "The front.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "CacheControl"),
                    @Header(name = "Vary", ref = "Vary"), @Header(name = "Surrogate-Key", ref = "SurrogateKey")},
            content = @Content(schema = @Schema(implementation = FrontView.class)))
    public Response get(@PathParam("slug") @Parameter(description = "The front's slug or id.", example = "home") String slug,
                        @QueryParam("fields") @Parameter(description = "Comma-separated summary members to return for "
                                + "each article, e.g. `headline,slug,leadImage`. Unknown names are a 400.") String fields,
                        @QueryParam("include") @Parameter(description = "Optional parts to embed in each article: "
                                + "`body`, `corrections`.") String include,
                        @Context HttpHeaders headers, @Context UriInfo uri) {
        ArticleShape shape = ArticleShape.parse(ArticleShape.given(fields, "fields", uri), ArticleShape.given(include, "include", uri),
                ArticleShape.Context.LIST, List.of());
        return reads.respond(headers, uri, () -> {
            FrontService.Shown shown = fronts.get(slug, shape);
            return reads.render(shown.view(), shown.keys());
        });
    }

    @Schema(name = "FrontPage", description = "The fronts, in display order.")
    public record FrontPage(List<FrontSummary> items, PageInfo page) {
    }
}
