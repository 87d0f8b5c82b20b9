package news.dispatch.article;

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
import java.util.UUID;
import java.util.function.Consumer;

/** An editor's curated link from one article to another, in order, with its relation. */
@Entity
@Table(name = "article_related")
@IdClass(ArticleRelated.Key.class)
public class ArticleRelated extends ArticleLink {

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "related_id")
    public Article related;

    @Convert(converter = RelationConverter.class)
    @Column(nullable = false)
    public Relation relation;

    public ArticleRelated() {
    }

    public ArticleRelated(Article article, Article related, int position, Relation relation) {
        super(article, position);
        this.related = related;
        this.relation = relation;
    }

    /** The key: the article's id and the linked article's. */
    public record Key(UUID article, UUID related) implements Serializable {
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
