package news.dispatch.image;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.LockOptions;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Makes the working copies (decision 170) of large images stored before the application made them at upload
 * (migration V74): one image at a time, each in its own transaction, the image's row locked so that two instances
 * never make the same copy. The image then names its copy ({@code working_side}), which gives its renditions new
 * URLs, as a new focal point does: its answers and those showing it are purged by its keys, and the old URLs
 * redirect. Runs after start and then hourly; once every large image has its copy it is one query a run.
 */
@ApplicationScoped
public class WorkingCopyBackfill {

    private static final Logger LOG = Logger.getLogger(WorkingCopyBackfill.class);

    private final EntityManager em;
    private final ImageStore store;
    private final ImageCodec codec;

    public WorkingCopyBackfill(EntityManager em, ImageStore store, ImageCodec codec) {
        this.em = em;
        this.store = store;
        this.codec = codec;
    }

    @Scheduled(identity = "image-working-copy-backfill", every = "${dispatch.images.working-copy-backfill-every:1h}",
            delayed = "${dispatch.jobs.start-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        makePending();
    }

    /** Makes every missing working copy; returns how many were made. */
    public int makePending() {
        int made = 0;
        UUID after = new UUID(0, 0); // the smallest in the databases' (unsigned) order
        while (true) {
            UUID last = after;
            Pending next = QuarkusTransaction.requiringNew().call(() -> makeOne(last));
            if (next == null) {
                if (made > 0) {
                    LOG.infof("Made the working copies of %d images stored before they were made at upload", made);
                }
                return made;
            }
            made += next.made ? 1 : 0;
            after = next.id;
        }
    }

    private record Pending(UUID id, boolean made) {
    }

    /** The working copy of the next image after {@code after} that lacks one; null when none is left. */
    private Pending makeOne(UUID after) {
        List<Image> pending = em.createQuery("select i from Image i where (i.width > :side or i.height > :side)"
                        + " and i.id > :after and i.workingSide is null"
                        + " order by i.id", Image.class)
                .setParameter("side", ImageCodec.WORKING_SIDE)
                .setParameter("after", after)
                .setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED) // another instance is at it
                .getResultList();
        if (pending.isEmpty()) {
            return null;
        }
        Image image = pending.get(0);
        UUID id = image.id;
        byte[] original = store.get(id).orElse(null);
        ImageStore.WorkingCopy copy = original == null ? null : codec.workingCopy(original);
        if (copy == null) {
            LOG.warnf("Image %s has no original a working copy can be made from", id);
            return new Pending(id, false);
        }
        store.putWorkingCopy(id, copy);
        // New rendition URLs (their hash names the copy): the image's answers and those showing it are purged by its
        // keys after commit, as after a new focal point, and the old URLs redirect to the new ones.
        image.workingSide = ImageCodec.WORKING_SIDE;
        image.updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new Pending(id, true);
    }
}
