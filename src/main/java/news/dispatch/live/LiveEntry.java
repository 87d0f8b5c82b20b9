package news.dispatch.live;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import news.dispatch.article.Article;
import news.dispatch.cache.Purgeable;
import news.dispatch.common.BaseEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One entry of a live blog. A delete leaves a tombstone ({@link #deletedAt}) so that a poll with {@code since} learns
 * of it. {@link #changeSeq} is the article's entry number of the entry's last write (decision 160).
 */
@Entity
@Table(name = "live_entry")
public class LiveEntry extends BaseEntity implements Purgeable {

    @Column(name = "article_id", nullable = false, updatable = false)
    public UUID articleId;

    /** The time the entry shows (when it was filed, unless the editor gave another). */
    @Column(nullable = false)
    public Instant at;

    public String title;

    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    @Column(name = "body_text", nullable = false)
    public String bodyText;

    @Column(name = "key_event", nullable = false)
    public boolean keyEvent;

    @Column(nullable = false)
    public boolean pinned;

    /** The entry's picture; null when it has none (its four columns are null then). */
    @Embedded
    public Picture picture;

    @Column(name = "change_seq", nullable = false)
    public long changeSeq;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    public long version;

    /** The bylines credited, in order. */
    @ElementCollection
    @CollectionTable(name = "live_entry_byline", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderColumn(name = "position")
    @Column(name = "byline_id", nullable = false)
    public List<UUID> bylineIds = new ArrayList<>();

    /** A picture shown with the entry: its URL, its alt text, and optionally a caption and a credit. */
    @Embeddable
    public record Picture(@Column(name = "image_url") String url,
                          @Column(name = "image_alt") String alt,
                          @Column(name = "image_caption") String caption,
                          @Column(name = "image_credit") String credit) {
    }

    /** Entries are shown with their article: its key covers the entry pages and the article's JSON-LD. */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept(Article.key(articleId));
    }
}
