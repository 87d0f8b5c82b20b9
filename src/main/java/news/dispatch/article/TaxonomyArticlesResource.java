package news.dispatch.article;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.function.Function;

/**
 * The articles of a section, tag or byline as JSON ({@code /v1/<noun>s/{slug}/articles}), beside its resource: the
 * article list belongs to the article package, so the taxonomy packages know nothing of articles
 * (docs/decisions/095). A family's resource adds its path and OpenAPI tag and says which articles are its own;
 * {@link TaxonomyArticlesDocs} words the operations. The ninjs form of the same lists is in syndication.
 */
public abstract class TaxonomyArticlesResource {

    private final ArticleService articles;
    private final ArticleResponses responses;
    private final Function<String, ArticleService.Scope> scope;

    /** @param scope the articles of the section, tag or byline with this slug or id (a 404 when there is none) */
    protected TaxonomyArticlesResource(ArticleService articles, ArticleResponses responses,
                                       Function<String, ArticleService.Scope> scope) {
        this.articles = articles;
        this.responses = responses;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "A page of article summaries.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Link", ref = "Link")},
            content = @Content(schema = @Schema(implementation = ArticleResource.ArticlePage.class)))
    public Response articles(@PathParam("slug") String slug, @BeanParam ArticleListParams params,
                             @Context HttpHeaders headers, @Context UriInfo uri) {
        ArticleShape shape = ArticleShape.parse(params, ArticleShape.Context.LIST, uri);
        ArticleQuery query = ArticleQuery.parse(params);
        return responses.list(headers, uri, shape, () -> articles.list(query, scope.apply(slug), shape));
    }
}
