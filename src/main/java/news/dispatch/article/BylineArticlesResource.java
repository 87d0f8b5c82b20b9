package news.dispatch.article;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.byline.BylineService;
import news.dispatch.web.ApiResponses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A byline's articles as JSON, beside the byline resource (byline/BylineResource): the article list belongs to the
 * article package, so the byline package knows nothing of articles (docs/decisions/095). The ninjs form of the same
 * list is syndication/BylineArticlesNinjsResource.
 */
@Path("/v1/bylines/{slug}/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bylines")
public class BylineArticlesResource {

    private final BylineService bylines;
    private final ArticleService articles;
    private final ArticleResponses responses;

    public BylineArticlesResource(BylineService bylines, ArticleService articles, ArticleResponses responses) {
        this.bylines = bylines;
        this.articles = articles;
        this.responses = responses;
    }

    @GET
    @Operation(operationId = "listBylineArticles", summary = "List a byline's articles",
            description = "The published articles credited to the byline, with every article list parameter.")
    @APIResponse(responseCode = "200", description = "A page of article summaries.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Link", ref = "Link")},
            content = @Content(schema = @Schema(implementation = ArticleResource.ArticlePage.class)))
    @APIResponse(responseCode = "304", ref = ApiResponses.NOT_MODIFIED)
    @APIResponse(responseCode = "400", ref = ApiResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiResponses.NOT_FOUND)
    @APIResponse(responseCode = "406", ref = ApiResponses.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "500", ref = ApiResponses.SERVER_ERROR)
    public Response articles(@PathParam("slug") @Parameter(description = "The byline's slug or id.") String slug,
                             @BeanParam ArticleListParams params, @Context HttpHeaders headers, @Context UriInfo uri) {
        ArticleShape shape = ArticleShape.parse(params, ArticleShape.Context.LIST, uri);
        ArticleQuery query = ArticleQuery.parse(params);
        return responses.list(headers, uri, shape,
                () -> articles.list(query, new ArticleService.Scope(null, null, bylines.require(slug)), shape));
    }
}
