package news.dispatch.article;

/**
 * The change feed as the article write side sees it: one entry per visible change of an article, written in the
 * writer's transaction. The change package implements it (change/ChangeLog); the article package sits below the
 * change feed and depends on this interface only (docs/decisions/095).
 */
public interface ArticleChanges {

    /** The kinds of entry an article write records (the change feed's types of the same names). */
    enum Kind {
        PUBLISH,
        UPDATE,
        CORRECTION,
        UNPUBLISH,
        DELETE,
        RIGHTS
    }

    /** Records an entry of this kind for the article as it is in the current transaction. */
    void record(Kind kind, Article article);
}
