package news.dispatch.taxonomy;

import java.util.Optional;

/** Finds a section, tag or byline by the key in its URL: its slug, or its id. */
public interface TaxonomyRepository<E extends TaxonomyEntity> {

    Optional<E> findBySlugOrId(String key);
}
