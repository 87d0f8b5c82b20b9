package news.dispatch.article;

import news.dispatch.cache.Purgeable;
import java.util.function.Consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import news.dispatch.common.BaseEntity;

import java.time.Instant;

/** A correction appended to an article, with the time it was made. */
@Entity
@Table(name = "article_correction")
public class ArticleCorrection extends BaseEntity implements Purgeable {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    @Column(name = "corrected_at", nullable = false)
    public Instant correctedAt;

    @Column(nullable = false)
    public String note;

    public ArticleCorrection() {
    }

    public ArticleCorrection(Article article, Instant correctedAt, String note) {
        this.article = article;
        this.correctedAt = correctedAt;
        this.note = note;
    }

    /** Shown with its article only. */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept(Article.key(article.id));
    }
}
