package news.dispatch.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import news.dispatch.cache.Purgeable;
import news.dispatch.common.BaseEntity;
import news.dispatch.common.LowerCaseEnumConverter;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** A breaking-news alert: the decision to push an article (or a live entry of it) and the copy of the push. */
@Entity
@Table(name = "alert")
public class Alert extends BaseEntity implements Purgeable {

    /** The purge key of the alert lists. */
    static final String KEY = "alerts";

    @Column(name = "article_id", nullable = false, updatable = false)
    public UUID articleId;

    @Column(name = "entry_id", updatable = false)
    public UUID entryId;

    @Convert(converter = LevelConverter.class)
    @Column(nullable = false)
    public AlertLevel level;

    @Column(nullable = false)
    public String title;

    public String body;

    /** Section and tag slugs, comma-separated. */
    @Column(nullable = false)
    public String topics = "";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "created_by")
    public UUID createdBy;

    public List<String> topicList() {
        return topics.isEmpty() ? List.of() : Arrays.asList(topics.split(","));
    }

    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept(KEY);
    }

    public static class LevelConverter extends LowerCaseEnumConverter<AlertLevel> {
        public LevelConverter() {
            super(AlertLevel.class);
        }
    }
}
