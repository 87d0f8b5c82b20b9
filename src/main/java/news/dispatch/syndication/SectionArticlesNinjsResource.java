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
import news.dispatch.section.SectionService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A section's articles as IPTC ninjs, beside the JSON list (article/SectionArticlesResource, same path). */
@Path("/v1/sections/{slug}/articles")
public class SectionArticlesNinjsResource {

    private final SectionService sections;
    private final NinjsLists ninjs;

    public SectionArticlesNinjsResource(SectionService sections, NinjsLists ninjs) {
        this.sections = sections;
        this.ninjs = ninjs;
    }

    /** The same list as IPTC ninjs (documented on the JSON operation by FormatsOpenApiFilter). */
    @GET
    @Produces(NinjsVersion.PRODUCES)
    @Operation(hidden = true)
    public Response articlesAsNinjs(@PathParam("slug") String slug, @BeanParam ArticleListParams params,
                                    @Context HttpHeaders headers, @Context UriInfo uri) {
        return ninjs.list(headers, uri, params, () -> new ArticleService.Scope(sections.get(slug), null, null));
    }
}
