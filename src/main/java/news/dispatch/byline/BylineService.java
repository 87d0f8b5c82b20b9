package news.dispatch.byline;

import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.web.Cursor;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.PageParams;
import news.dispatch.web.Params;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class BylineService {

    static final String ORDER = "name";

    private final BylineRepository bylines;

    public BylineService(BylineRepository bylines) {
        this.bylines = bylines;
    }

    /** The byline with this slug or id, or 404. */
    @ReadOnlyTransaction(replica = true)
    public Byline require(String slugOrId) {
        return bylines.findBySlugOrId(slugOrId).orElseThrow(() -> ProblemException.notFound("byline", slugOrId));
    }

    /** The byline's version, the first part of its ETag (If-Match on writes compares it). */
    @ReadOnlyTransaction(replica = true)
    public long version(java.util.UUID id) {
        return bylines.findByIdOptional(id).map(b -> b.version).orElse(0L);
    }

    @ReadOnlyTransaction(replica = true)
    public BylineView get(String slugOrId) {
        return BylineView.of(require(slugOrId));
    }

    @ReadOnlyTransaction(replica = true)
    public Optional<Byline> find(String slugOrId) {
        return bylines.findBySlugOrId(slugOrId);
    }

    @ReadOnlyTransaction(replica = true)
    public Page<BylineView> list(String kind, String q, PageParams paging) {
        List<FieldError> errors = new ArrayList<>();
        BylineKind bylineKind = Params.choice("kind", kind, BylineKind.class, errors);
        String pattern = Params.namePrefix("q", q, errors);
        PageParams.Request request = paging.check(ORDER, errors);
        int size = request.size();
        Cursor after = request.after();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<Byline> rows = bylines.findPage(bylineKind, pattern, after == null ? null : after.key(),
                after == null ? null : after.id(), size + 1);
        boolean more = rows.size() > size;
        List<Byline> page = more ? rows.subList(0, size) : rows;
        String next = more ? new Cursor(ORDER, page.get(size - 1).nameKey, page.get(size - 1).slug).encode() : null;
        return new Page<>(page.stream().map(BylineView::of).toList(),
                new PageInfo(size, next, request.withCount() ? bylines.countMatching(bylineKind, pattern) : null));
    }
}
