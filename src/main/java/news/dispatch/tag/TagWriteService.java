package news.dispatch.tag;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import news.dispatch.access.Rights;
import news.dispatch.common.TaxonomyChanges;
import news.dispatch.taxonomy.TaxonomyWriteService;
import news.dispatch.web.JsonInputs;
import news.dispatch.web.Slugs;
import news.dispatch.web.problem.ProblemException;

import java.time.Clock;
import java.util.List;

/** Editors' writes of tags, and merging one tag into another. */
@ApplicationScoped
public class TagWriteService extends TaxonomyWriteService<Tag, TagInput, TagRepository> {

    public TagWriteService(TagRepository tags, JsonInputs inputs, Clock clock, TaxonomyChanges changes) {
        super(tags, inputs, clock, changes, TaxonomyChanges.Carrier.TAG, TagInput.class, Tag::new);
    }

    @Override
    protected void applyOwn(Tag t, TagInput in) {
        t.nameKey = Slugs.nameKey(in.name());
        t.type = in.type();
        t.description = blankToNull(in.description());
    }

    @Override
    protected TagInput asInput(Tag t) {
        return new TagInput(t.name, t.slug, t.type, t.description);
    }

    /** What articles show of a tag: when it changes, the change feed updates them (docs/decisions/056). */
    @Override
    protected List<Object> shown(Tag t) {
        return List.of(t.slug, t.name, t.type);
    }

    @Override
    protected void release(Tag t) {
        var em = repository.getEntityManager();
        long live = em.createQuery("select count(at) from ArticleTag at where at.tag = :t and at.article.deletedAt is null", Long.class)
                .setParameter("t", t).getSingleResult();
        if (live > 0) {
            throw ProblemException.conflict("The tag is on " + live + " article(s); merge it into another tag instead.");
        }
        em.createQuery("delete from ArticleTag at where at.tag = :t").setParameter("t", t).executeUpdate();
    }

    /** Moves every article of the source tag to the target (once), then deletes the source. */
    @Transactional
    public Tag merge(String key, String ifMatch, TagMergeInput in) {
        Tag source = lock(key, ifMatch, false);
        Tag target = repository.findBySlugOrId(in.into())
                .orElseThrow(() -> ProblemException.invalid("into", "no tag '" + in.into() + "'"));
        if (target.id.equals(source.id)) {
            throw ProblemException.invalid("into", "a tag cannot be merged into itself");
        }
        var em = repository.getEntityManager();
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
        repository.deleteById(source.id);
        Tag merged = repository.findById(target.id);
        merged.updatedAt = now();
        repository.flush();
        recordUpdates(merged);
        Log.infof("Tag %s merged into %s (%d articles moved)", source.slug, merged.slug, moved);
        return merged;
    }

    @Override
    @Transactional
    public TagView view(Tag t) {
        return TagView.of(t, repository.countPublished(t.id, Rights.Clause.NONE)); // editors list every published article
    }
}
