package news.dispatch.section;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.common.Ids;
import news.dispatch.taxonomy.TaxonomyRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SectionRepository implements PanacheRepositoryBase<Section, UUID>, TaxonomyRepository<Section> {

    @Override
    public Optional<Section> findBySlugOrId(String key) {
        return Ids.parse(key).flatMap(this::findByIdOptional)
                .or(() -> find("slug", key).firstResultOptional());
    }

    /** Sections in display order (position, then slug), after the given position and slug. */
    public List<Section> findPage(Integer afterPosition, String afterSlug, int limit) {
        if (afterPosition == null) {
            return find("order by position, slug").page(0, limit).list();
        }
        return find("position > ?1 or (position = ?1 and slug > ?2) order by position, slug", afterPosition, afterSlug)
                .page(0, limit).list();
    }
}
