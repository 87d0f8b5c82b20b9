package news.dispatch.tag;

import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.access.KeyScopes;
import news.dispatch.access.Rights;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.web.Cursor;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.problem.ProblemException;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class TagService implements KeyScopes.Tags {

    private final TagRepository tags;

    public TagService(TagRepository tags) {
        this.tags = tags;
    }

    /** The tag with the number of its articles that the rights clause lets the caller list. */
    @ReadOnlyTransaction(replica = true)
    public TagView get(String slugOrId, Rights.Clause rights) {
        Tag tag = require(slugOrId);
        return TagView.of(tag, tags.countPublished(tag.id, rights));
    }

    /** The tag's version, the first part of its ETag (If-Match on writes compares it). */
    @ReadOnlyTransaction(replica = true)
    public long version(java.util.UUID id) {
        return tags.findByIdOptional(id).map(t -> t.version).orElse(0L);
    }

    /** The tag with this slug or id, or 404. */
    @ReadOnlyTransaction(replica = true)
    public Tag require(String slugOrId) {
        return tags.findBySlugOrId(slugOrId).orElseThrow(() -> ProblemException.notFound("tag", slugOrId));
    }

    @ReadOnlyTransaction(replica = true)
    public java.util.Optional<Tag> find(String slugOrId) {
        return tags.findBySlugOrId(slugOrId);
    }

    @Override
    @ReadOnlyTransaction(replica = true)
    public java.util.Optional<java.util.UUID> tagId(String slugOrId) {
        return tags.findBySlugOrId(slugOrId).map(t -> t.id);
    }

    @ReadOnlyTransaction(replica = true)
    public List<Tag> findBySlugs(Collection<String> slugs) {
        return tags.findBySlugs(slugs);
    }

    /** A page of tags; article counts as {@link #get} counts them. */
    @ReadOnlyTransaction(replica = true)
    public Page<TagView> list(TagListQuery q, Rights.Clause rights) {
        String afterKey = null;
        String afterSlug = null;
        if (q.cursor() != null) {
            afterKey = q.cursor().key();
            afterSlug = q.cursor().id();
            if (q.byCount()) {
                try {
                    Long.parseLong(afterKey);
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid("cursor", "is not a cursor this API issued");
                }
            }
        }
        List<TagRepository.Row> rows = tags.findPage(q.type(), q.namePattern(), q.byCount(), afterKey, afterSlug, q.limit() + 1, rights);
        boolean more = rows.size() > q.limit();
        List<TagRepository.Row> page = more ? rows.subList(0, q.limit()) : rows;
        String next = null;
        if (more) {
            TagRepository.Row last = page.get(page.size() - 1);
            String key = q.byCount() ? Long.toString(last.articleCount()) : last.tag().nameKey;
            next = new Cursor(q.order(), key, last.tag().slug).encode();
        }
        return new Page<>(page.stream().map(r -> TagView.of(r.tag(), r.articleCount())).toList(),
                new PageInfo(q.limit(), next, q.count() ? tags.countMatching(q.type(), q.namePattern()) : null));
    }
}
