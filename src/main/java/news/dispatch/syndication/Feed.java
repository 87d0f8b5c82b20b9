package news.dispatch.syndication;

import news.dispatch.article.ArticleView;

import java.time.Instant;
import java.util.List;

/**
 * A feed before it is written in a format.
 *
 * @param fullText whether entries carry the body (partners allowed it) or only a summary
 */
record Feed(String title, String description, String homePage, String selfUrl, Instant updated, List<ArticleView> entries,
            boolean fullText, String language) {
}
