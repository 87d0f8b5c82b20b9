package news.dispatch.syndication;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.article.ArticleListParams;
import news.dispatch.article.ArticleService;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.function.Function;

/**
 * The articles of a section, tag or byline as IPTC ninjs, beside the JSON list (article/TaxonomyArticlesResource,
 * same path). A family's resource adds its path and says which articles are its own.
 */
public abstract class TaxonomyArticlesNinjsResource {

    private final NinjsLists ninjs;
    private final Function<String, ArticleService.Scope> scope;

    /** @param scope the articles of the section, tag or byline with this slug or id (a 404 when there is none) */
    protected TaxonomyArticlesNinjsResource(NinjsLists ninjs, Function<String, ArticleService.Scope> scope) {
        this.ninjs = ninjs;
        this.scope = scope;
    }

    /** The same list as IPTC ninjs (documented on the JSON operation by FormatsOpenApiFilter). */
    @GET
    @Produces(NinjsVersion.PRODUCES)
    @Operation(hidden = true)
    public Response articlesAsNinjs(@PathParam("slug") String slug, @BeanParam ArticleListParams params,
                                    @Context HttpHeaders headers, @Context UriInfo uri) {
        return ninjs.list(headers, uri, params, () -> scope.apply(slug));
    }
}
