package news.dispatch.section;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
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

/** Editors' writes of sections; a section that articles use cannot be deleted. */
@ApplicationScoped
public class SectionWriteService {

    private final SectionRepository sections;
    private final JsonInputs inputs;
    private final Clock clock;
    private final TaxonomyChanges changes;

    public SectionWriteService(SectionRepository sections, JsonInputs inputs, Clock clock, TaxonomyChanges changes) {
        this.sections = sections;
        this.inputs = inputs;
        this.clock = clock;
        this.changes = changes;
    }

    @Transactional
    public Section create(SectionInput in) {
        Section s = new Section();
        s.createdAt = now();
        apply(s, in);
        sections.persist(s);
        sections.flush();
        Log.infof("Section %s created", s.slug);
        return s;
    }

    @Transactional
    public Section replace(String key, String ifMatch, SectionInput in) {
        Section s = lock(key, ifMatch);
        List<Object> shown = shown(s);
        apply(s, in);
        sections.flush();
        changes.recordUpdates(TaxonomyChanges.Carrier.SECTION, s.id, shown, shown(s));
        return s;
    }

    @Transactional
    public Section patch(String key, String ifMatch, JsonNode patch) {
        Section s = lock(key, ifMatch);
        List<Object> shown = shown(s);
        apply(s, inputs.patch(new SectionInput(s.name, s.slug, s.description, s.position), patch, SectionInput.class));
        sections.flush();
        changes.recordUpdates(TaxonomyChanges.Carrier.SECTION, s.id, shown, shown(s));
        return s;
    }

    @Transactional
    public void delete(String key, String ifMatch) {
        Section s = lock(key, ifMatch);
        var em = sections.getEntityManager();
        long live = em.createQuery("select count(a) from Article a where a.section = :s and a.deletedAt is null", Long.class)
                .setParameter("s", s).getSingleResult();
        if (live > 0) {
            throw ProblemException.conflict("The section still has " + live + " article(s); move them first.");
        }
        em.createQuery("update Article a set a.section = null where a.section = :s").setParameter("s", s).executeUpdate();
        sections.delete(s);
        Log.infof("Section %s deleted", s.slug);
    }

    /** What articles show of a section: when it changes, the change feed updates them (docs/decisions/056). */
    private static List<Object> shown(Section s) {
        return List.of(s.slug, s.name);
    }

    private void apply(Section s, SectionInput in) {
        s.slug = Slugs.choose(in.slug(), s.slug, in.name(), c -> sections.count("slug = ?1 and id <> ?2", c, s.id) > 0, "section");
        s.name = in.name().strip();
        s.description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
        s.position = in.position() == null ? 0 : in.position();
        s.updatedAt = now();
    }

    private Section lock(String key, String ifMatch) {
        Preconditions.requirePresent(ifMatch);
        Section found = sections.findBySlugOrId(key).orElseThrow(() -> ProblemException.notFound("section", key));
        sections.getEntityManager().refresh(found, LockModeType.PESSIMISTIC_WRITE);
        Preconditions.checkCurrent(ifMatch, found.version, () -> inputs.bytes(SectionView.of(found))); // the whole ETag (decision 092)
        return found;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
