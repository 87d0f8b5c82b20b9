package news.dispatch.front;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import news.dispatch.common.BaseEntity;
import news.dispatch.common.NotContent;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of a front that takes effect at a time: the title and collections the front will have then. Not shown to
 * readers until it is applied (then the front itself is written), so writing it invalidates nothing.
 */
@Entity
@Table(name = "front_schedule")
@NotContent
public class FrontSchedule extends BaseEntity {

    @Column(name = "front_id", nullable = false)
    public UUID frontId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String collections;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When it took effect; null while pending. */
    @Column(name = "applied_at")
    public Instant appliedAt;
}
