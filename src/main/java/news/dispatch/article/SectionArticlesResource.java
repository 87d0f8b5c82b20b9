package news.dispatch.article;

import jakarta.ws.rs.Path;
import news.dispatch.section.SectionService;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A section's articles as JSON ({@link TaxonomyArticlesResource}); as ninjs: syndication/SectionArticlesNinjsResource. */
@Path("/v1/sections/{slug}/articles")
@Tag(name = "Sections")
public class SectionArticlesResource extends TaxonomyArticlesResource {

    public SectionArticlesResource(SectionService sections, ArticleService articles, ArticleResponses responses) {
        super(articles, responses, slug -> new ArticleService.Scope(sections.get(slug), null, null));
    }
}
