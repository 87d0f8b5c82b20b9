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
import news.dispatch.byline.Byline;
import news.dispatch.common.LowerCaseEnumConverter;

import java.io.Serializable;
import java.util.UUID;
import java.util.function.Consumer;

/** A byline on an article, in its place in the credit line and with its role. */
@Entity
@Table(name = "article_byline")
@IdClass(ArticleByline.Key.class)
public class ArticleByline extends ArticleLink {

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "byline_id")
    public Byline byline;

    @Convert(converter = RoleConverter.class)
    @Column(nullable = false)
    public BylineRole role;

    public ArticleByline() {
    }

    public ArticleByline(Article article, Byline byline, int position, BylineRole role) {
        super(article, position);
        this.byline = byline;
        this.role = role;
    }

    /** The key: the article's id and the byline's. */
    public record Key(UUID article, UUID byline) implements Serializable {
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
