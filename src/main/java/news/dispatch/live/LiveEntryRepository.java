package news.dispatch.live;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.byline.Byline;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every query of live-blog entries. */
@ApplicationScoped
public class LiveEntryRepository implements PanacheRepositoryBase<LiveEntry, UUID> {

    /**
     * A page of a blog's entries, newest first by time then id, after the keyset position ({@code afterAt},
     * {@code afterId}) when given: without {@code since} the entries it has, with it those written after that entry
     * number, deleted ones included. One more than {@code limit} is read to tell whether a next page exists.
     */
    public List<LiveEntry> findPage(UUID articleId, Long since, Instant afterAt, UUID afterId, int limit) {
        StringBuilder q = new StringBuilder("from LiveEntry e where e.articleId = :article");
        q.append(since == null ? " and e.deletedAt is null" : " and e.changeSeq > :since");
        if (afterAt != null) {
            q.append(" and (e.at < :at or (e.at = :at and e.id < :id))");
        }
        q.append(" order by e.at desc, e.id desc");
        var query = getEntityManager().createQuery(q.toString(), LiveEntry.class).setParameter("article", articleId);
        if (since != null) {
            query.setParameter("since", since);
        }
        if (afterAt != null) {
            query.setParameter("at", afterAt).setParameter("id", afterId);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    /** The newest entries a blog shows (for its schema.org document). */
    public List<LiveEntry> findLatest(UUID articleId, int limit) {
        return getEntityManager().createQuery("from LiveEntry e where e.articleId = :article and e.deletedAt is null"
                        + " order by e.at desc, e.id desc", LiveEntry.class)
                .setParameter("article", articleId).setMaxResults(limit).getResultList();
    }

    /** The number of the blog's latest entry write, 0 before the first. */
    public long lastChange(UUID articleId) {
        Long last = getEntityManager().createQuery("select max(e.changeSeq) from LiveEntry e where e.articleId = :article",
                Long.class).setParameter("article", articleId).getSingleResult();
        return last == null ? 0 : last;
    }

    public java.util.Optional<LiveEntry> findOf(UUID articleId, UUID id) {
        return getEntityManager().createQuery("from LiveEntry e where e.id = :id and e.articleId = :article", LiveEntry.class)
                .setParameter("id", id).setParameter("article", articleId).getResultStream().findFirst();
    }

    /** The bylines credited on these entries, by entry, in credit order: two statements whatever the number. */
    public Map<UUID, List<Byline>> findBylines(Collection<LiveEntry> entries) {
        Map<UUID, List<Byline>> result = new HashMap<>();
        List<UUID> ids = entries.stream().filter(e -> e.deletedAt == null).map(e -> e.id).toList();
        if (ids.isEmpty()) {
            return result;
        }
        List<Object[]> rows = getEntityManager().createQuery("select e.id, b from LiveEntry e join e.bylineIds i,"
                        + " Byline b where b.id = i and e.id in :ids order by e.id, index(i)", Object[].class)
                .setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            result.computeIfAbsent((UUID) row[0], k -> new java.util.ArrayList<>()).add((Byline) row[1]);
        }
        return result;
    }
}
