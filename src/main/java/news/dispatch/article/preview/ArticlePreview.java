package news.dispatch.article.preview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import news.dispatch.article.Article;
import news.dispatch.common.BaseEntity;
import news.dispatch.common.NotContent;

import java.time.Instant;
import java.util.UUID;

/**
 * A preview link of one draft or scheduled article (docs/decisions/152): the SHA-256 hash of its token, when it
 * expires and when it was revoked. No cached answer shows previews, so writing one leaves the cache alone.
 */
@NotContent
@Entity
@Table(name = "article_preview")
public class ArticlePreview extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id", nullable = false, updatable = false)
    public Article article;

    @Column(name = "token_hash", nullable = false, unique = true, updatable = false)
    public String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;
}
