package news.dispatch.article;

import news.dispatch.cache.Purgeable;
import java.util.function.Consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import news.dispatch.tag.Tag;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A tag on an article, in the editor's order. */
@Entity
@Table(name = "article_tag")
@IdClass(ArticleTag.Key.class)
public class ArticleTag implements Purgeable {

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "article_id")
    public Article article;

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "tag_id")
    public Tag tag;

    @Column(nullable = false)
    public int position;

    public ArticleTag() {
    }

    public ArticleTag(Article article, Tag tag, int position) {
        this.article = article;
        this.tag = tag;
        this.position = position;
    }

    public static class Key implements Serializable {
        public UUID article;
        public UUID tag;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(article, k.article) && Objects.equals(tag, k.tag);
        }

        @Override
        public int hashCode() {
            return Objects.hash(article, tag);
        }
    }

    /** Which articles a list, a search or an article's related posts show depends on these. */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        Article.regrouped(article.id, keys);
        keys.accept(Article.relatedKey(tag.id)); // the related posts of the tag's other articles may now include it
    }
}
