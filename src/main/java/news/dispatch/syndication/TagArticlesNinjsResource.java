package news.dispatch.syndication;

import jakarta.ws.rs.Path;
import news.dispatch.article.ArticleService;
import news.dispatch.tag.TagService;

/** A tag's articles as IPTC ninjs ({@link TaxonomyArticlesNinjsResource}). */
@Path("/v1/tags/{slug}/articles")
public class TagArticlesNinjsResource extends TaxonomyArticlesNinjsResource {

    public TagArticlesNinjsResource(TagService tags, NinjsLists ninjs) {
        super(ninjs, slug -> new ArticleService.Scope(null, tags.require(slug), null));
    }
}
