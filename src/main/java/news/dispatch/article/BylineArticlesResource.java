package news.dispatch.article;

import jakarta.ws.rs.Path;
import news.dispatch.byline.BylineService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A byline's articles as JSON ({@link TaxonomyArticlesResource}); as ninjs: syndication/BylineArticlesNinjsResource. */
@Path("/v1/bylines/{slug}/articles")
@Tag(name = "Bylines")
public class BylineArticlesResource extends TaxonomyArticlesResource {

    public BylineArticlesResource(BylineService bylines, ArticleService articles, ArticleResponses responses) {
        super(articles, responses, slug -> new ArticleService.Scope(null, null, bylines.require(slug)));
    }
}
