package news.dispatch.article.revision;

import news.dispatch.common.NotContent;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.common.BaseEntity;

import java.time.Instant;
import java.util.UUID;

/** An earlier version of an article: its editable fields as JSON, kept when an update replaced them. */
@Entity
@Table(name = "article_revision")
@NotContent
public class ArticleRevision extends BaseEntity {

    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    /** The article's version this snapshot had. */
    @Column(nullable = false)
    public long version;

    @Convert(converter = Article.StatusConverter.class)
    @Column(nullable = false)
    public ArticleStatus status;

    /** When this version was replaced. */
    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    /** The key whose update replaced this version. */
    @Column(name = "saved_by")
    public UUID savedBy;

    /** The ArticleInput of this version, as JSON. */
    @Column(nullable = false)
    public String content;
}
