package news.dispatch.change;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.dispatch.access.Caller;
import news.dispatch.syndication.Rights;
import news.dispatch.web.Cursor;
import news.dispatch.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the change feed for a caller. An entry is shown when the article was visible to the caller
 * just before the change (as the article's previous entry recorded it) or just after it, so a
 * partner learns of every change that adds, updates or removes something it may hold, and of
 * nothing else (no slug of an embargoed or withheld story ever reaches it).
 * <p>
 * Entries the caller may not see are skipped, but at most {@link #SCAN_CHUNKS} chunks (the page's
 * size, then {@link #CHUNK} entries each) are read per request, so a page costs a bounded number of statements;
 * the cursor then points after the last entry read, even when the page is short or empty.
 */
@ApplicationScoped
public class ChangeFeed {

    static final String ORDER = "changes";
    static final int CHUNK = 500;
    static final int SCAN_CHUNKS = 4;

    public static String cursor(long seq) {
        return new Cursor(ORDER, Long.toString(seq), Long.toString(seq)).encode();
    }

    /** The position a cursor stands for, or a 400 on the {@code since} parameter. */
    public static long position(String cursor) {
        try {
            long seq = Long.parseLong(Cursor.decode(cursor, ORDER).key());
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (ProblemException | NumberFormatException e) {
            throw ProblemException.invalid("since", "is not a change-feed cursor; use `next` of a previous page, or omit it to start at the beginning");
        }
    }

    @Transactional
    public ChangePage page(long since, int limit, Caller caller) {
        var em = Panache.getEntityManager();
        List<ChangeItem> items = new ArrayList<>();
        long position = since;
        for (int chunk = 0; chunk < SCAN_CHUNKS && items.size() < limit; chunk++) {
            int size = chunkSize(chunk, limit);
            List<Object[]> rows = em.createQuery("select e, p from ChangeEvent e left join ChangeEvent p on p.seq = e.prevSeq"
                            + " where e.seq > :after order by e.seq", Object[].class)
                    .setParameter("after", position).setMaxResults(size).getResultList();
            for (Object[] row : rows) {
                ChangeEvent e = (ChangeEvent) row[0];
                ChangeEvent previous = (ChangeEvent) row[1];
                position = e.seq;
                boolean after = Rights.allows(caller, Rights.Channel.SYNDICATION, e.facts(), e.at);
                boolean before = previous != null
                        && Rights.allows(caller, Rights.Channel.SYNDICATION, previous.facts(), previous.at);
                if (after || before) {
                    items.add(new ChangeItem(e.seq, e.type, e.articleId, e.slug, e.at, after));
                    if (items.size() == limit) {
                        break;
                    }
                }
            }
            if (rows.size() < size) {
                break;
            }
        }
        return new ChangePage(items, cursor(position));
    }

    /**
     * The first read takes twice as many entries as the page holds (enough for a caller who sees most
     * changes, the usual case); further reads, for callers who see a small part, take {@link #CHUNK}.
     */
    private static int chunkSize(int chunk, int limit) {
        return chunk == 0 ? Math.min(2 * limit, CHUNK) : CHUNK;
    }

    /** The latest position of the feed (for webhooks, which start from "now"). */
    @Transactional
    public long head() {
        return ((Number) Panache.getEntityManager().createNativeQuery("select last_seq from change_counter where id = 1")
                .getSingleResult()).longValue();
    }
}
