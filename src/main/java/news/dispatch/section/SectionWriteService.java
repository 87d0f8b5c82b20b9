package news.dispatch.section;

import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.common.TaxonomyChanges;
import news.dispatch.taxonomy.TaxonomyWriteService;
import news.dispatch.web.JsonInputs;
import news.dispatch.web.problem.ProblemException;

import java.time.Clock;
import java.util.List;

/** Editors' writes of sections; a section that articles use cannot be deleted. */
@ApplicationScoped
public class SectionWriteService extends TaxonomyWriteService<Section, SectionInput, SectionRepository> {

    public SectionWriteService(SectionRepository sections, JsonInputs inputs, Clock clock, TaxonomyChanges changes) {
        super(sections, inputs, clock, changes, TaxonomyChanges.Carrier.SECTION, SectionInput.class, Section::new);
    }

    @Override
    protected void applyOwn(Section s, SectionInput in) {
        s.description = blankToNull(in.description());
        s.position = in.position() == null ? 0 : in.position();
    }

    @Override
    protected SectionInput asInput(Section s) {
        return new SectionInput(s.name, s.slug, s.description, s.position);
    }

    /** What articles show of a section: when it changes, the change feed updates them (docs/decisions/056). */
    @Override
    protected List<Object> shown(Section s) {
        return List.of(s.slug, s.name);
    }

    @Override
    protected SectionView view(Section s) {
        return SectionView.of(s);
    }

    @Override
    protected void release(Section s) {
        var em = repository.getEntityManager();
        long live = em.createQuery("select count(a) from Article a where a.section = :s and a.deletedAt is null", Long.class)
                .setParameter("s", s).getSingleResult();
        if (live > 0) {
            throw ProblemException.conflict("The section still has " + live + " article(s); move them first.");
        }
        em.createQuery("update Article a set a.section = null where a.section = :s").setParameter("s", s).executeUpdate();
    }
}
