package news.dispatch.byline;

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

/** Editors' writes of bylines; a byline credited on articles cannot be deleted (API.md). */
@ApplicationScoped
public class BylineWriteService {

    private final BylineRepository bylines;
    private final JsonInputs inputs;
    private final Clock clock;
    private final TaxonomyChanges changes;

    public BylineWriteService(BylineRepository bylines, JsonInputs inputs, Clock clock, TaxonomyChanges changes) {
        this.bylines = bylines;
        this.inputs = inputs;
        this.clock = clock;
        this.changes = changes;
    }

    @Transactional
    public Byline create(BylineInput in) {
        Byline b = new Byline();
        b.createdAt = now();
        apply(b, in);
        bylines.persist(b);
        bylines.flush();
        Log.infof("Byline %s created", b.slug);
        return b;
    }

    @Transactional
    public Byline replace(String key, String ifMatch, BylineInput in) {
        Byline b = lock(key, ifMatch);
        List<Object> shown = shown(b);
        apply(b, in);
        bylines.flush();
        changes.recordUpdates(TaxonomyChanges.Carrier.BYLINE, b.id, shown, shown(b));
        return b;
    }

    @Transactional
    public Byline patch(String key, String ifMatch, JsonNode patch) {
        Byline b = lock(key, ifMatch);
        List<Object> shown = shown(b);
        BylineInput current = new BylineInput(b.name, b.slug, b.kind, b.title, b.bio, b.avatarUrl,
                b.links.stream().map(l -> new BylineInput.LinkInput(l.title, l.url)).toList());
        apply(b, inputs.patch(current, patch, BylineInput.class));
        bylines.flush();
        changes.recordUpdates(TaxonomyChanges.Carrier.BYLINE, b.id, shown, shown(b));
        return b;
    }

    @Transactional
    public void delete(String key, String ifMatch) {
        Byline b = lock(key, ifMatch);
        var em = bylines.getEntityManager();
        long credited = em.createQuery("select count(ab) from ArticleByline ab where ab.byline = :b"
                        + " and ab.article.deletedAt is null", Long.class)
                .setParameter("b", b).getSingleResult();
        if (credited > 0) {
            throw ProblemException.conflict("The byline is credited on " + credited + " article(s).");
        }
        // Deleted articles (tombstones) do not hold a byline, as they do not hold a tag or a section.
        em.createQuery("delete from ArticleByline ab where ab.byline = :b").setParameter("b", b).executeUpdate();
        bylines.delete(b);
        Log.infof("Byline %s deleted", b.slug);
    }

    /** What articles show of a byline: when it changes, the change feed updates them (docs/decisions/056). */
    private static List<Object> shown(Byline b) {
        return List.of(b.slug, b.name, b.kind);
    }

    private void apply(Byline b, BylineInput in) {
        b.slug = Slugs.choose(in.slug(), b.slug, in.name(), c -> bylines.count("slug = ?1 and id <> ?2", c, b.id) > 0, "byline");
        b.name = in.name().strip();
        b.nameKey = Slugs.nameKey(in.name());
        b.kind = in.kind();
        b.title = blankToNull(in.title());
        b.bio = blankToNull(in.bio());
        b.avatarUrl = blankToNull(in.avatarUrl());
        b.links.clear();
        if (in.links() != null) {
            in.links().forEach(l -> b.links.add(new BylineLink(l.title().strip(), l.url())));
        }
        b.updatedAt = now();
    }

    private Byline lock(String key, String ifMatch) {
        Preconditions.requirePresent(ifMatch);
        Byline found = bylines.findBySlugOrId(key).orElseThrow(() -> ProblemException.notFound("byline", key));
        bylines.getEntityManager().refresh(found, LockModeType.PESSIMISTIC_WRITE);
        Preconditions.checkCurrent(ifMatch, found.version, () -> inputs.bytes(BylineView.of(found))); // the whole ETag (decision 092)
        return found;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
