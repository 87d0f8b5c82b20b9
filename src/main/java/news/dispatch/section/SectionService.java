package news.dispatch.section;

import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.access.KeyScopes;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.web.Cursor;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.problem.ProblemException;

import java.util.List;

@ApplicationScoped
public class SectionService implements KeyScopes.Sections {

    static final String ORDER = "position";

    private final SectionRepository sections;

    public SectionService(SectionRepository sections) {
        this.sections = sections;
    }

    /** The section with this slug or id, or 404. */
    @ReadOnlyTransaction(replica = true)
    public Section get(String slugOrId) {
        return sections.findBySlugOrId(slugOrId).orElseThrow(() -> ProblemException.notFound("section", slugOrId));
    }

    @ReadOnlyTransaction(replica = true)
    public java.util.Optional<Section> find(String slugOrId) {
        return sections.findBySlugOrId(slugOrId);
    }

    @Override
    @ReadOnlyTransaction(replica = true)
    public java.util.Optional<java.util.UUID> sectionId(String slugOrId) {
        return sections.findBySlugOrId(slugOrId).map(s -> s.id);
    }

    @ReadOnlyTransaction(replica = true)
    public Page<SectionView> list(int limit, Cursor cursor, boolean count) {
        Integer afterPosition = null;
        if (cursor != null) {
            try {
                afterPosition = Integer.parseInt(cursor.key());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API issued");
            }
        }
        List<Section> rows = sections.findPage(afterPosition, cursor == null ? null : cursor.id(), limit + 1);
        boolean more = rows.size() > limit;
        List<Section> page = more ? rows.subList(0, limit) : rows;
        String next = more
                ? new Cursor(ORDER, Integer.toString(page.get(limit - 1).position), page.get(limit - 1).slug).encode()
                : null;
        return new Page<>(page.stream().map(SectionView::of).toList(),
                new PageInfo(limit, next, count ? sections.count() : null));
    }
}
