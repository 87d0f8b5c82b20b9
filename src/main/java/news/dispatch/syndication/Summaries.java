package news.dispatch.syndication;

import news.dispatch.article.ArticleView;

/** The short text that stands for an article where the full text is not given. */
final class Summaries {

    private Summaries() {
    }

    /** The standfirst, or the start of the body text cut at a word boundary. */
    static String of(ArticleView article, int length) {
        String standfirst = article.summary().standfirst();
        if (standfirst != null && !standfirst.isBlank()) {
            return standfirst;
        }
        String text = article.body() == null ? "" : article.body().text().strip().replaceAll("\\s+", " ");
        if (text.length() <= length) {
            return text;
        }
        int cut = text.lastIndexOf(' ', length);
        return text.substring(0, cut > length / 2 ? cut : length) + "…";
    }
}
