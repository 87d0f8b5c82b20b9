package news.dispatch.syndication;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.article.ArticleListParams;
import news.dispatch.article.ArticleService;
import news.dispatch.tag.TagService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A tag's articles as IPTC ninjs, beside the JSON list (article/TagArticlesResource, same path). */
@Path("/v1/tags/{slug}/articles")
public class TagArticlesNinjsResource {

    private final TagService tags;
    private final NinjsLists ninjs;

    public TagArticlesNinjsResource(TagService tags, NinjsLists ninjs) {
        this.tags = tags;
        this.ninjs = ninjs;
    }

    /** The same list as IPTC ninjs (documented on the JSON operation by FormatsOpenApiFilter). */
    @GET
    @Produces(NinjsVersion.PRODUCES)
    @Operation(hidden = true)
    public Response articlesAsNinjs(@PathParam("slug") String slug, @BeanParam ArticleListParams params,
                                    @Context HttpHeaders headers, @Context UriInfo uri) {
        return ninjs.list(headers, uri, params, () -> new ArticleService.Scope(null, tags.require(slug), null));
    }
}
