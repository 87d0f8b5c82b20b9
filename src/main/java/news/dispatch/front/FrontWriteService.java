package news.dispatch.front;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import news.dispatch.change.ChangeLog;
import news.dispatch.web.JsonInputs;
import news.dispatch.web.Preconditions;
import news.dispatch.web.Slugs;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Editors' writes of fronts and their scheduled changes (docs/decisions/153). Every change of a front records a
 * {@code front} entry in the change feed in the same transaction; the front's answers are purged by its key
 * ({@link Front#touched}) once it commits.
 */
@ApplicationScoped
public class FrontWriteService {

    private static final int BATCH = 100;

    private final FrontRepository fronts;
    private final FrontService reads;
    private final EntityManager em;
    private final JsonInputs inputs;
    private final ChangeLog changes;
    private final Clock clock;

    public FrontWriteService(FrontRepository fronts, FrontService reads, EntityManager em, JsonInputs inputs, ChangeLog changes,
                             Clock clock) {
        this.fronts = fronts;
        this.reads = reads;
        this.em = em;
        this.inputs = inputs;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public Front create(FrontInput in) {
        checkSlots(in.collections(), "collections");
        Front f = new Front();
        f.createdAt = now();
        apply(f, in);
        fronts.persist(f);
        changes.recordFront(f.id, f.slug, true);
        Log.infof("Front %s created", f.slug);
        return f;
    }

    @Transactional
    public Front replace(String key, String ifMatch, FrontInput in) {
        Front f = lock(key, ifMatch);
        checkSlots(in.collections(), "collections");
        apply(f, in);
        fronts.flush();
        changes.recordFront(f.id, f.slug, true);
        return f;
    }

    @Transactional
    public void delete(String key, String ifMatch) {
        Front f = lock(key, ifMatch);
        em.createQuery("delete from FrontSchedule s where s.frontId = :id").setParameter("id", f.id).executeUpdate();
        changes.recordFront(f.id, f.slug, false);
        fronts.delete(f);
        Log.infof("Front %s deleted", f.slug);
    }

    @Transactional
    public FrontScheduleView schedule(String key, FrontScheduleInput in) {
        Front f = reads.find(key);
        List<FieldError> errors = new ArrayList<>();
        if (!in.at().isAfter(Instant.now(clock))) {
            errors.add(new FieldError("at", "must be in the future"));
        }
        if (in.front().slug() != null && !in.front().slug().equals(f.slug)) {
            errors.add(new FieldError("front.slug", "a scheduled change keeps the front's slug; leave it out"));
        }
        if (in.front().position() != null && in.front().position() != f.position) {
            errors.add(new FieldError("front.position", "a scheduled change keeps the front's position; leave it out"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        checkSlots(in.front().collections(), "front.collections");
        FrontSchedule s = new FrontSchedule();
        s.frontId = f.id;
        s.dueAt = in.at().truncatedTo(ChronoUnit.SECONDS);
        s.title = in.front().title().strip();
        s.collections = reads.store(in.front().collections());
        s.createdAt = now();
        em.persist(s);
        Log.infof("Change of front %s scheduled for %s", f.slug, s.dueAt);
        return view(s, f.slug);
    }

    /** A front's scheduled changes, the next due first, applied ones after the pending. */
    @Transactional
    public List<FrontScheduleView> schedules(String key) {
        Front f = reads.find(key);
        return em.createQuery("from FrontSchedule s where s.frontId = :id"
                        + " order by case when s.appliedAt is null then 0 else 1 end, s.dueAt, s.id", FrontSchedule.class)
                .setParameter("id", f.id).getResultList().stream().map(s -> view(s, f.slug)).toList();
    }

    /** Cancels a pending change: 404 for another front's, 409 once it took effect. */
    @Transactional
    public void cancel(String key, String scheduleId) {
        Front f = reads.find(key);
        UUID id = news.dispatch.common.Ids.parse(scheduleId).orElseThrow(() -> ProblemException.notFound("scheduled change", scheduleId));
        FrontSchedule s = em.find(FrontSchedule.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !s.frontId.equals(f.id)) {
            throw ProblemException.notFound("scheduled change", scheduleId);
        }
        if (s.appliedAt != null) {
            throw ProblemException.conflict("That change took effect at " + s.appliedAt + "; edit the front instead.");
        }
        em.remove(s);
    }

    /**
     * Applies every scheduled change whose time has come, each in its own transaction under the front's and the
     * change's row locks, so overlapping runs or instances apply nothing twice. Answers how many it applied.
     */
    public int applyDue() {
        int applied = 0;
        while (true) {
            List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                            "select s.id from FrontSchedule s where s.appliedAt is null and s.dueAt <= :now order by s.dueAt, s.id",
                            UUID.class)
                    .setParameter("now", Instant.now(clock)).setMaxResults(BATCH).getResultList());
            int before = applied;
            for (UUID id : due) {
                if (QuarkusTransaction.requiringNew().call(() -> apply(id))) {
                    applied++;
                }
            }
            if (due.size() < BATCH || applied == before) {
                return applied;
            }
        }
    }

    private boolean apply(UUID scheduleId) {
        FrontSchedule s = em.find(FrontSchedule.class, scheduleId);
        if (s == null) {
            return false;
        }
        Front f = em.find(Front.class, s.frontId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(s, LockModeType.PESSIMISTIC_WRITE);
        if (f == null || s.appliedAt != null) {
            return false;
        }
        f.title = s.title;
        f.collections = s.collections;
        f.updatedAt = now();
        s.appliedAt = f.updatedAt;
        em.flush();
        changes.recordFront(f.id, f.slug, true);
        Log.infof("Scheduled change of front %s applied", f.slug);
        return true;
    }

    private void apply(Front f, FrontInput in) {
        f.slug = Slugs.choose(in.slug(), f.slug, in.title(), c -> fronts.count("slug = ?1 and id <> ?2", c, f.id) > 0, "front");
        f.title = in.title().strip();
        f.position = in.position() == null ? 0 : in.position();
        f.collections = reads.store(in.collections());
        f.updatedAt = now();
    }

    /**
     * Every slot names an article that exists and is not deleted (drafts and scheduled ones are fine: they show once
     * published), each once per collection: one statement for all of them.
     */
    private void checkSlots(List<FrontInput.CollectionInput> collections, String path) {
        List<FieldError> errors = new ArrayList<>();
        List<UUID> ids = FrontService.articleIds(collections);
        Set<UUID> known = ids.isEmpty() ? Set.of() : new HashSet<>(em.createQuery(
                        "select a.id from Article a where a.id in :ids and a.deletedAt is null", UUID.class)
                .setParameter("ids", ids).getResultList());
        for (int c = 0; c < collections.size(); c++) {
            Set<UUID> seen = new HashSet<>();
            List<FrontInput.SlotInput> items = collections.get(c).items();
            for (int i = 0; i < items.size(); i++) {
                UUID article = items.get(i).article();
                String field = path + "[" + c + "].items[" + i + "].article";
                if (!known.contains(article)) {
                    errors.add(new FieldError(field, "no article has this id (or it was deleted)"));
                } else if (!seen.add(article)) {
                    errors.add(new FieldError(field, "this article is already in the collection"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private Front lock(String key, String ifMatch) {
        Preconditions.requirePresent(ifMatch);
        Front found = reads.find(key);
        em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
        Preconditions.checkCurrent(ifMatch, found.version, () -> inputs.bytes(reads.definition(found))); // decision 092
        return found;
    }

    private FrontScheduleView view(FrontSchedule s, String slug) {
        return new FrontScheduleView(s.id, slug, s.dueAt, s.title, reads.collections(s.collections), s.appliedAt, s.createdAt);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

}
