package news.dispatch.byline;

import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.common.TaxonomyChanges;
import news.dispatch.taxonomy.TaxonomyWriteService;
import news.dispatch.web.JsonInputs;
import news.dispatch.web.Slugs;
import news.dispatch.web.problem.ProblemException;

import java.time.Clock;
import java.util.List;

/** Editors' writes of bylines; a byline credited on articles cannot be deleted (API.md). */
@ApplicationScoped
public class BylineWriteService extends TaxonomyWriteService<Byline, BylineInput, BylineRepository> {

    public BylineWriteService(BylineRepository bylines, JsonInputs inputs, Clock clock, TaxonomyChanges changes) {
        super(bylines, inputs, clock, changes, TaxonomyChanges.Carrier.BYLINE, BylineInput.class, Byline::new);
    }

    @Override
    protected void applyOwn(Byline b, BylineInput in) {
        b.nameKey = Slugs.nameKey(in.name());
        b.kind = in.kind();
        b.title = blankToNull(in.title());
        b.bio = blankToNull(in.bio());
        b.avatarUrl = blankToNull(in.avatarUrl());
        b.links.clear();
        if (in.links() != null) {
            in.links().forEach(l -> b.links.add(new BylineLink(l.title().strip(), l.url())));
        }
    }

    @Override
    protected BylineInput asInput(Byline b) {
        return new BylineInput(b.name, b.slug, b.kind, b.title, b.bio, b.avatarUrl,
                b.links.stream().map(l -> new BylineInput.LinkInput(l.title, l.url)).toList());
    }

    /** What articles show of a byline: when it changes, the change feed updates them (docs/decisions/056). */
    @Override
    protected List<Object> shown(Byline b) {
        return List.of(b.slug, b.name, b.kind);
    }

    @Override
    protected BylineView view(Byline b) {
        return BylineView.of(b);
    }

    @Override
    protected void release(Byline b) {
        var em = repository.getEntityManager();
        long credited = em.createQuery("select count(ab) from ArticleByline ab where ab.byline = :b"
                        + " and ab.article.deletedAt is null", Long.class)
                .setParameter("b", b).getSingleResult();
        if (credited > 0) {
            throw ProblemException.conflict("The byline is credited on " + credited + " article(s).");
        }
        // Deleted articles (tombstones) do not hold a byline, as they do not hold a tag or a section.
        em.createQuery("delete from ArticleByline ab where ab.byline = :b").setParameter("b", b).executeUpdate();
    }
}
