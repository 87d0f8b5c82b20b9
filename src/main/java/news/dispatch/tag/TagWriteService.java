package news.dispatch.tag;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import news.dispatch.access.Rights;
import news.dispatch.common.TaxonomyChanges;
import news.dispatch.web.JsonInputs;
import news.dispatch.web.Preconditions;
import news.dispatch.web.Slugs;
import news.dispatch.web.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Editors' writes of tags, and merging one tag into another. */
@ApplicationScoped
public class TagWriteService {

    private final TagRepository tags;
    private final JsonInputs inputs;
    private final Clock clock;
    private final TaxonomyChanges changes;

    public TagWriteService(TagRepository tags, JsonInputs inputs, Clock clock, TaxonomyChanges changes) {
        this.tags = tags;
        this.inputs = inputs;
        this.clock = clock;
        this.changes = changes;
    }

    @Transactional
    public Tag create(TagInput in) {
        Tag t = new Tag();
        t.createdAt = now();
        apply(t, in);
        tags.persist(t);
        tags.flush();
        Log.infof("Tag %s created", t.slug);
        return t;
    }

    @Transactional
    public Tag replace(String key, String ifMatch, TagInput in) {
        Tag t = lock(key, ifMatch, true);
        List<Object> shown = shown(t);
        apply(t, in);
        tags.flush();
        changes.recordUpdates(TaxonomyChanges.Carrier.TAG, t.id, shown, shown(t));
        return t;
    }

    @Transactional
    public Tag patch(String key, String ifMatch, JsonNode patch) {
        Tag t = lock(key, ifMatch, true);
        List<Object> shown = shown(t);
        apply(t, inputs.patch(new TagInput(t.name, t.slug, t.type, t.description), patch, TagInput.class));
        tags.flush();
        changes.recordUpdates(TaxonomyChanges.Carrier.TAG, t.id, shown, shown(t));
        return t;
    }

    @Transactional
    public void delete(String key, String ifMatch) {
        Tag t = lock(key, ifMatch, true);
        var em = tags.getEntityManager();
        long live = em.createQuery("select count(at) from ArticleTag at where at.tag = :t and at.article.deletedAt is null", Long.class)
                .setParameter("t", t).getSingleResult();
        if (live > 0) {
            throw ProblemException.conflict("The tag is on " + live + " article(s); merge it into another tag instead.");
        }
        em.createQuery("delete from ArticleTag at where at.tag = :t").setParameter("t", t).executeUpdate();
        tags.delete(t);
        Log.infof("Tag %s deleted", t.slug);
    }

    /** Moves every article of the source tag to the target (once), then deletes the source. */
    @Transactional
    public Tag merge(String key, String ifMatch, TagMergeInput in) {
        Tag source = lock(key, ifMatch, false);
        Tag target = tags.findBySlugOrId(in.into()).orElseThrow(() -> ProblemException.invalid("into", "no tag '" + in.into() + "'"));
        if (target.id.equals(source.id)) {
            throw ProblemException.invalid("into", "a tag cannot be merged into itself");
        }
        var em = tags.getEntityManager();
        // The remaining tag too, so a concurrent edit of it waits instead of failing this merge.
        em.refresh(target, LockModeType.PESSIMISTIC_WRITE);
        em.flush();
        // The articles first, in id order, as an article write locks its article before its tags: no deadlock.
        em.createNativeQuery("select a.id from article a where a.id in (select t.article_id from article_tag t"
                        + " where t.tag_id in (?1, ?2)) order by a.id for update")
                .setParameter(1, source.id).setParameter(2, target.id).getResultList();
        em.createNativeQuery("delete from article_tag where tag_id = ?1 and article_id in"
                        + " (select t.article_id from article_tag t where t.tag_id = ?2)")
                .setParameter(1, source.id).setParameter(2, target.id).executeUpdate();
        int moved = em.createNativeQuery("update article_tag set tag_id = ?2 where tag_id = ?1")
                .setParameter(1, source.id).setParameter(2, target.id).executeUpdate();
        em.createNativeQuery("update article set updated_at = ?2, version = version + 1 where id in"
                        + " (select article_id from article_tag where tag_id = ?1)")
                .setParameter(1, target.id).setParameter(2, now()).executeUpdate();
        em.clear();
        tags.deleteById(source.id);
        Tag merged = tags.findById(target.id);
        merged.updatedAt = now();
        tags.flush();
        changes.recordUpdates(TaxonomyChanges.Carrier.TAG, merged.id);
        Log.infof("Tag %s merged into %s (%d articles moved)", source.slug, merged.slug, moved);
        return merged;
    }

    @Transactional
    public TagView view(Tag t) {
        return TagView.of(t, tags.countPublished(t.id, Rights.Clause.NONE)); // editors list every published article
    }

    /** What articles show of a tag: when it changes, the change feed updates them (docs/decisions/056). */
    private static List<Object> shown(Tag t) {
        return List.of(t.slug, t.name, t.type);
    }

    private void apply(Tag t, TagInput in) {
        t.slug = Slugs.choose(in.slug(), t.slug, in.name(), c -> tags.count("slug = ?1 and id <> ?2", c, t.id) > 0, "tag");
        t.name = in.name().strip();
        t.nameKey = Slugs.nameKey(in.name());
        t.type = in.type();
        t.description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
        t.updatedAt = now();
    }

    private Tag lock(String key, String ifMatch, boolean required) {
        if (required) {
            Preconditions.requirePresent(ifMatch);
        }
        Tag found = tags.findBySlugOrId(key).orElseThrow(() -> ProblemException.notFound("tag", key));
        tags.getEntityManager().refresh(found, LockModeType.PESSIMISTIC_WRITE);
        Preconditions.checkCurrent(ifMatch, found.version, () -> inputs.bytes(view(found))); // the whole ETag (decision 092)
        return found;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
