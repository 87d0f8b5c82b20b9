package news.dispatch.article;

import jakarta.ws.rs.Path;
import news.dispatch.tag.TagService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tag's articles as JSON ({@link TaxonomyArticlesResource}); as ninjs: syndication/TagArticlesNinjsResource. */
@Path("/v1/tags/{slug}/articles")
@Tag(name = "Tags")
public class TagArticlesResource extends TaxonomyArticlesResource {

    public TagArticlesResource(TagService tags, ArticleService articles, ArticleResponses responses) {
        super(articles, responses, slug -> new ArticleService.Scope(null, tags.require(slug), null));
    }
}
