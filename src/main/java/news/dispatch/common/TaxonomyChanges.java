package news.dispatch.common;

import java.util.List;
import java.util.UUID;

/**
 * The change feed as the section, tag and byline write services see it: after a write that changes how their
 * articles look, an {@code update} entry for each live article, in the writer's transaction (docs/decisions/056).
 * The change package implements it (change/ChangeLog); the taxonomy packages sit below the change feed and depend
 * on this interface only (docs/decisions/095).
 */
public interface TaxonomyChanges {

    /** What carries the articles: a section, a tag or a byline. */
    enum Carrier {
        SECTION,
        TAG,
        BYLINE
    }

    /**
     * After a write of a section, tag or byline: when what articles show of it ({@code shownBefore},
     * {@code shownAfter}) differs, records an {@code update} for each of its live articles. Answers how many.
     */
    int recordUpdates(Carrier carrier, UUID id, List<?> shownBefore, List<?> shownAfter);

    /** Records an {@code update} for every live article of the section, tag or byline. Answers how many. */
    int recordUpdates(Carrier carrier, UUID id);
}
