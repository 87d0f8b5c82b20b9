package news.dispatch.access;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import news.dispatch.common.BaseEntity;
import news.dispatch.common.LowerCaseEnumConverter;
import news.dispatch.common.NotContent;

import java.time.Instant;

/**
 * An API key. Only the SHA-256 hash of its secret is stored. No public response shows keys, so writing
 * one leaves the application cache alone ({@link NotContent}).
 */
@NotContent
@Entity
@Table(name = "api_key")
public class ApiKey extends BaseEntity {

    @Column(nullable = false)
    public String name;

    /** The first characters of the secret, so people can tell their keys apart. */
    @Column(nullable = false)
    public String prefix;

    @Column(name = "secret_hash", nullable = false, unique = true)
    public String secretHash;

    @Convert(converter = RoleConverter.class)
    @Column(nullable = false)
    public Role role;

    @Column(name = "full_text", nullable = false)
    public boolean fullText;

    /** A partner key that takes embargoed stories before the lift (decision 164). */
    @Column(name = "early_delivery", nullable = false)
    public boolean earlyDelivery;

    /** Comma-separated section ids a partner may take; empty means all. */
    @Column(name = "section_ids", nullable = false)
    public String sectionIds = "";

    /** Comma-separated tag ids a partner may take; empty means all. */
    @Column(name = "tag_ids", nullable = false)
    public String tagIds = "";

    /** Requests per window; null means the role's default. */
    @Column(name = "rate_limit")
    public Integer rateLimit;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static class RoleConverter extends LowerCaseEnumConverter<Role> {
        public RoleConverter() {
            super(Role.class);
        }
    }
}
