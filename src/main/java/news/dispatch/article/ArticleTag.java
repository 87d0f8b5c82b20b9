package news.dispatch.article;

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
import java.util.UUID;
import java.util.function.Consumer;

/** A tag on an article, in the editor's order. */
@Entity
@Table(name = "article_tag")
@IdClass(ArticleTag.Key.class)
public class ArticleTag extends ArticleLink {

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "tag_id")
    public Tag tag;

    public ArticleTag() {
    }

    public ArticleTag(Article article, Tag tag, int position) {
        super(article, position);
        this.tag = tag;
    }

    /** The key: the article's id and the tag's. */
    public record Key(UUID article, UUID tag) implements Serializable {
    }

    /** Which articles a list, a search or an article's related posts show depends on these. */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        Article.regrouped(article.id, keys);
        keys.accept(Article.relatedKey(tag.id)); // the related posts of the tag's other articles may now include it
    }
}
