package news.dispatch.article;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import news.dispatch.cache.Purgeable;

/**
 * What an article's tags, bylines and related articles have alike: a row of a link table keyed by the article and
 * what it links to (each entity's {@code Key}), in the editor's order.
 */
@MappedSuperclass
public abstract class ArticleLink implements Purgeable {

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "article_id")
    public Article article;

    @Column(nullable = false)
    public int position;

    protected ArticleLink() {
    }

    protected ArticleLink(Article article, int position) {
        this.article = article;
        this.position = position;
    }
}
