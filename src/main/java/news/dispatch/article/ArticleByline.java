package news.dispatch.article;

import news.dispatch.cache.Purgeable;
import java.util.function.Consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import news.dispatch.byline.Byline;
import news.dispatch.common.LowerCaseEnumConverter;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A byline on an article, in its place in the credit line and with its role. */
@Entity
@Table(name = "article_byline")
@IdClass(ArticleByline.Key.class)
public class ArticleByline implements Purgeable {

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "article_id")
    public Article article;

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "byline_id")
    public Byline byline;

    @Column(nullable = false)
    public int position;

    @Convert(converter = RoleConverter.class)
    @Column(nullable = false)
    public BylineRole role;

    public ArticleByline() {
    }

    public ArticleByline(Article article, Byline byline, int position, BylineRole role) {
        this.article = article;
        this.byline = byline;
        this.position = position;
        this.role = role;
    }

    public static class Key implements Serializable {
        public UUID article;
        public UUID byline;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(article, k.article) && Objects.equals(byline, k.byline);
        }

        @Override
        public int hashCode() {
            return Objects.hash(article, byline);
        }
    }

    public static class RoleConverter extends LowerCaseEnumConverter<BylineRole> {
        public RoleConverter() {
            super(BylineRole.class);
        }
    }

    /** Which articles a list, a search or an article's related posts show depends on these. */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        Article.regrouped(article.id, keys);
    }
}
