package news.dispatch.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.logging.Log;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import news.dispatch.common.TaxonomyChanges;
import news.dispatch.web.JsonInputs;
import news.dispatch.web.Preconditions;
import news.dispatch.web.Slugs;
import news.dispatch.web.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Editors' writes of a section, tag or byline: create, replace, merge-patch and delete, each write but a create
 * under {@code If-Match} with the whole ETag (decision 092). A write that changes what articles show of it puts their
 * updates in the change feed (docs/decisions/056). A family says how its input applies, what articles show of it and
 * what a delete must check and let go of.
 *
 * @param <E> the entity
 * @param <I> what editors write
 * @param <R> its repository
 */
public abstract class TaxonomyWriteService<E extends TaxonomyEntity, I extends TaxonomyInput,
        R extends PanacheRepositoryBase<E, UUID> & TaxonomyRepository<E>> {

    protected final R repository;
    protected final JsonInputs inputs;
    private final Clock clock;
    private final TaxonomyChanges changes;
    private final TaxonomyChanges.Carrier carrier;
    private final Class<I> inputType;
    private final Supplier<E> empty;

    protected TaxonomyWriteService(R repository, JsonInputs inputs, Clock clock, TaxonomyChanges changes,
                                   TaxonomyChanges.Carrier carrier, Class<I> inputType, Supplier<E> empty) {
        this.repository = repository;
        this.inputs = inputs;
        this.clock = clock;
        this.changes = changes;
        this.carrier = carrier;
        this.inputType = inputType;
        this.empty = empty;
    }

    /** For the container's client proxy, which delegates every call. */
    protected TaxonomyWriteService() {
        this(null, null, null, null, null, null, null);
    }

    /** Sets the family's own fields from the input (slug, name and update time are set already). */
    protected abstract void applyOwn(E entity, I input);

    /** The entity as an input, which a merge patch changes. */
    protected abstract I asInput(E entity);

    /** What articles show of it: when that changes, the change feed updates them. */
    protected abstract List<Object> shown(E entity);

    /** The representation whose bytes make the ETag. */
    protected abstract Object view(E entity);

    /** Before a delete: a conflict while live articles use it, else lets go of deleted articles (tombstones). */
    protected abstract void release(E entity);

    /** The entity's noun in messages ("section"). */
    protected String noun() {
        return carrier.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Transactional
    public E create(I in) {
        E e = empty.get();
        e.createdAt = now();
        apply(e, in);
        repository.persist(e);
        repository.flush();
        Log.infof("%s %s created", e.getClass().getSimpleName(), e.slug);
        return e;
    }

    @Transactional
    public E replace(String key, String ifMatch, I in) {
        E e = lock(key, ifMatch, true);
        List<Object> before = shown(e);
        apply(e, in);
        repository.flush();
        changes.recordUpdates(carrier, e.id, before, shown(e));
        return e;
    }

    @Transactional
    public E patch(String key, String ifMatch, JsonNode patch) {
        E e = lock(key, ifMatch, true);
        List<Object> before = shown(e);
        apply(e, inputs.patch(asInput(e), patch, inputType));
        repository.flush();
        changes.recordUpdates(carrier, e.id, before, shown(e));
        return e;
    }

    @Transactional
    public void delete(String key, String ifMatch) {
        E e = lock(key, ifMatch, true);
        release(e);
        repository.delete(e);
        Log.infof("%s %s deleted", e.getClass().getSimpleName(), e.slug);
    }

    /** Finds it by slug or id and locks it; checks {@code If-Match}, which may be absent only where not required. */
    protected E lock(String key, String ifMatch, boolean required) {
        if (required) {
            Preconditions.requirePresent(ifMatch);
        }
        E found = repository.findBySlugOrId(key).orElseThrow(() -> ProblemException.notFound(noun(), key));
        repository.getEntityManager().refresh(found, LockModeType.PESSIMISTIC_WRITE);
        Preconditions.checkCurrent(ifMatch, found.version, () -> inputs.bytes(view(found))); // the whole ETag (decision 092)
        return found;
    }

    /** Records an update for every live article of it (after a write the shown fields cannot tell). */
    protected void recordUpdates(E entity) {
        changes.recordUpdates(carrier, entity.id);
    }

    protected Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    protected static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void apply(E e, I in) {
        e.slug = Slugs.choose(in.slug(), e.slug, in.name(), c -> repository.count("slug = ?1 and id <> ?2", c, e.id) > 0, noun());
        e.name = in.name().strip();
        applyOwn(e, in);
        e.updatedAt = now();
    }
}
