package news.dispatch.byline;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.common.Ids;
import news.dispatch.taxonomy.TaxonomyRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BylineRepository implements PanacheRepositoryBase<Byline, UUID>, TaxonomyRepository<Byline> {

    @Override
    public Optional<Byline> findBySlugOrId(String key) {
        return Ids.parse(key).flatMap(this::findByIdOptional)
                .or(() -> find("slug", key).firstResultOptional());
    }

    /** Bylines by name (then slug), optionally of one kind and with a name prefix, after a cursor. */
    public List<Byline> findPage(BylineKind kind, String namePattern, String afterName, String afterSlug, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter(kind, namePattern, where, params);
        if (afterSlug != null) {
            where.append(" and (nameKey > :afterName or (nameKey = :afterName and slug > :afterSlug))");
            params.and("afterName", afterName).and("afterSlug", afterSlug);
        }
        return find(where + " order by nameKey, slug", params).page(0, limit).list();
    }

    public long countMatching(BylineKind kind, String namePattern) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter(kind, namePattern, where, params);
        return count(where.toString(), params);
    }

    private static void filter(BylineKind kind, String namePattern, StringBuilder where, Parameters params) {
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (namePattern != null) {
            where.append(" and nameKey like :pattern escape '!'");
            params.and("pattern", namePattern);
        }
    }
}
