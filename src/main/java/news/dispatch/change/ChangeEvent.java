package news.dispatch.change;

import news.dispatch.article.Article;
import news.dispatch.cache.Purgeable;
import java.util.function.Consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import news.dispatch.common.LowerCaseEnumConverter;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the change feed (an outbox row), written in the same transaction as the change.
 * Its sequence number comes from a locked counter, so sequence order is commit order. It keeps
 * the article's rights-relevant state after the change and points at the article's previous
 * entry, so the feed can tell each caller whether the article was visible to it before and after.
 * Content: the public change feed shows it, so its writes invalidate the application cache (never
 * mark it {@code NotContent}). The feed reads it as a projection ({@link ChangeFeed}), not as entities.
 */
@Entity
@Table(name = "change_event")
public class ChangeEvent implements Purgeable {

    @Id
    public long seq;

    @Convert(converter = TypeConverter.class)
    @Column(nullable = false)
    public ChangeType type;

    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public Instant at;

    /** The article's previous entry, null for its first. */
    @Column(name = "prev_seq")
    public Long prevSeq;

    /** Published and not deleted, after the change. */
    @Column(nullable = false)
    public boolean live;

    @Column(name = "section_id")
    public UUID sectionId;

    /** The article's tag ids after the change, comma-separated. */
    @Column(name = "tag_ids", nullable = false)
    public String tagIds = "";

    @Column(name = "syndication_allowed", nullable = false)
    public boolean syndicationAllowed = true;

    @Column(name = "embargo_until")
    public Instant embargoUntil;

    /** The tag ids of the {@code tag_ids} column (the change feed reads it as a projection, not as this entity). */
    public static List<UUID> tagIds(String tagIds) {
        return tagIds == null || tagIds.isEmpty() ? List.of() : Arrays.stream(tagIds.split(",")).map(UUID::fromString).toList();
    }

    public static class TypeConverter extends LowerCaseEnumConverter<ChangeType> {
        public TypeConverter() {
            super(ChangeType.class);
        }
    }

    /**
     * The change feed's pages; an embargo lift, which writes nothing but this entry, also makes its article appear in
     * readers' lists, navigation and search (decision 102).
     */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept(CHANGES);
        if (type == ChangeType.EMBARGO_LIFT) {
            Article.regrouped(articleId, keys);
        }
    }
}
