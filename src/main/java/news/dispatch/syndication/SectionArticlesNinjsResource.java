package news.dispatch.syndication;

import jakarta.ws.rs.Path;
import news.dispatch.article.ArticleService;
import news.dispatch.section.SectionService;

/** A section's articles as IPTC ninjs ({@link TaxonomyArticlesNinjsResource}). */
@Path("/v1/sections/{slug}/articles")
public class SectionArticlesNinjsResource extends TaxonomyArticlesNinjsResource {

    public SectionArticlesNinjsResource(SectionService sections, NinjsLists ninjs) {
        super(ninjs, slug -> new ArticleService.Scope(sections.get(slug), null, null));
    }
}
