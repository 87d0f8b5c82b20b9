package news.dispatch.article;

/** A list item that shows an article with more about it (a search hit): its purge keys are the article's. */
public interface ShowsArticle {

    ArticleView article();
}
