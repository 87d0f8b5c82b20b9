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
import news.dispatch.common.LowerCaseEnumConverter;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** An editor's curated link from one article to another, in order, with its relation. */
@Entity
@Table(name = "article_related")
@IdClass(ArticleRelated.Key.class)
public class ArticleRelated implements Purgeable {

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "article_id")
    public Article article;

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "related_id")
    public Article related;

    @Column(nullable = false)
    public int position;

    @Convert(converter = RelationConverter.class)
    @Column(nullable = false)
    public Relation relation;

    public ArticleRelated() {
    }

    public ArticleRelated(Article article, Article related, int position, Relation relation) {
        this.article = article;
        this.related = related;
        this.position = position;
        this.relation = relation;
    }

    public static class Key implements Serializable {
        public UUID article;
        public UUID related;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(article, k.article) && Objects.equals(related, k.related);
        }

        @Override
        public int hashCode() {
            return Objects.hash(article, related);
        }
    }

    public static class RelationConverter extends LowerCaseEnumConverter<Relation> {
        public RelationConverter() {
            super(Relation.class);
        }
    }

    /** Shown with its article only. */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept(Article.key(article.id));
    }
}
