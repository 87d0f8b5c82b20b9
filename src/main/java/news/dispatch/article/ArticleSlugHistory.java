package news.dispatch.article;

import news.dispatch.cache.Purgeable;
import java.util.function.Consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A slug an article used to have; requests for it answer 301 to the current slug. */
@Entity
@Table(name = "article_slug_history")
public class ArticleSlugHistory implements Purgeable {

    @Id
    public String slug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    @Column(name = "retired_at", nullable = false)
    public Instant retiredAt;

    public ArticleSlugHistory() {
    }

    public ArticleSlugHistory(String slug, Article article, Instant retiredAt) {
        this.slug = slug;
        this.article = article;
        this.retiredAt = retiredAt;
    }

    /** Shown with its article only. */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept(Article.key(article.id));
    }
}
