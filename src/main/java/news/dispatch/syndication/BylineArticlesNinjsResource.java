package news.dispatch.syndication;

import jakarta.ws.rs.Path;
import news.dispatch.article.ArticleService;
import news.dispatch.byline.BylineService;

/** A byline's articles as IPTC ninjs ({@link TaxonomyArticlesNinjsResource}). */
@Path("/v1/bylines/{slug}/articles")
public class BylineArticlesNinjsResource extends TaxonomyArticlesNinjsResource {

    public BylineArticlesNinjsResource(BylineService bylines, NinjsLists ninjs) {
        super(ninjs, slug -> new ArticleService.Scope(null, null, bylines.require(slug)));
    }
}
