package news.dispatch.change;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.access.Caller;
import news.dispatch.access.Rights;
import news.dispatch.article.LatestChange;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.web.Cursor;
import news.dispatch.web.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the change feed for a caller. An entry is shown when the article was visible to the caller
 * just before the change (as the article's previous entry recorded it) or just after it, so a
 * partner learns of every change that adds, updates or removes something it may hold, and of
 * nothing else (no slug of an embargoed or withheld story ever reaches it).
 * <p>
 * Entries the caller may not see are skipped, but at most {@link #SCAN_CHUNKS} chunks (the page's
 * size, then {@link #CHUNK} entries each) are read per request, so a page costs a bounded number of statements;
 * the cursor then points after the last entry read, even when the page is short or empty.
 * <p>
 * An anonymous caller's page depends on nothing but the entries, so {@link ChangeResource} keeps it
 * in the application cache; keyed callers' pages are computed here every time (decision 050).
 */
@ApplicationScoped
public class ChangeFeed implements LatestChange {

    static final String ORDER = "changes";
    static final int CHUNK = 500;
    static final int SCAN_CHUNKS = 4;

    /**
     * One statement per chunk, read as a projection: the entry's item fields and the rights-relevant
     * state of the entry and of the article's previous entry (columns, not entities, so nothing is
     * hydrated or kept in the persistence context).
     */
    private static final String READ = "select e.seq, e.type, e.articleId, e.slug, e.at,"
            + " e.live, e.syndicationAllowed, e.embargoUntil, e.sectionId, e.tagIds,"
            + " p.at, p.live, p.syndicationAllowed, p.embargoUntil, p.sectionId, p.tagIds, p.slug"
            + " from ChangeEvent e left join ChangeEvent p on p.seq = e.prevSeq"
            + " where e.seq > :after order by e.seq";
    /** Where the state after the change (the entry's) and before it (the previous entry's) start in a row. */
    private static final int AFTER = 4;
    private static final int BEFORE = 10;
    /** The slug the article had before the change (the previous entry's). */
    private static final int SLUG_BEFORE = 16;

    /** How old the newest entry must be to serve as Last-Modified (see {@link #lastChangeAt}). */
    static final java.time.Duration SETTLED = java.time.Duration.ofSeconds(2);

    private final java.time.Clock clock;

    public ChangeFeed(java.time.Clock clock) {
        this.clock = clock;
    }

    /**
     * When the newest change-feed entry was written, or null: every change that can alter a list of live
     * articles or a feed (a publication, edit, correction, removal, rights change, embargo lift, rename or
     * merge) writes an entry, so it is a sound {@code Last-Modified} for them (decision 103). The newest 100
     * entries are read (primary key range), so entries written by instances whose clocks differ slightly, or
     * many at once with one time (renames), cannot make it go back. Null while the newest entry is younger
     * than {@link #SETTLED}: HTTP dates have whole seconds, and a transaction still in flight may yet commit
     * an entry of the same second, which a client holding that date would then never be sent.
     */
    @Override
    @ReadOnlyTransaction(replica = true)
    public Instant lastChangeAt() {
        Instant at = newestEntryAt();
        return at == null || at.isAfter(Instant.now(clock).minus(SETTLED)) ? null : at;
    }

    private Instant newestEntryAt() {
        Object at = Panache.getEntityManager().createNativeQuery("select max(at) from change_event"
                + " where seq > (select last_seq from change_counter where id = 1) - 100").getSingleResult();
        if (at == null) {
            return null;
        }
        if (at instanceof Instant instant) {
            return instant;
        }
        if (at instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (at instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + at.getClass());
    }

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

    @ReadOnlyTransaction(replica = true)
    public ChangePage page(long since, int limit, Caller caller) {
        var em = Panache.getEntityManager();
        boolean tags = Rights.readsTags(caller, Rights.Channel.SYNDICATION);
        List<ChangeItem> items = new ArrayList<>();
        long position = since;
        for (int chunk = 0; chunk < SCAN_CHUNKS && items.size() < limit; chunk++) {
            int size = chunkSize(chunk, limit);
            List<Object[]> rows = em.createQuery(READ, Object[].class)
                    .setParameter("after", position).setMaxResults(size).getResultList();
            for (Object[] row : rows) {
                long seq = (Long) row[0];
                position = seq;
                boolean after = allows(caller, row, AFTER, tags);
                // p.at is null exactly when there is no previous entry (an entry's time never is)
                boolean before = row[BEFORE] != null && allows(caller, row, BEFORE, tags);
                if (after || before) {
                    // An entry that tells the caller to remove a story names it by the slug the caller knew:
                    // the slug it has now may be one this caller must not learn (a story renamed as it was withheld).
                    String slug = after ? (String) row[3] : (String) row[SLUG_BEFORE];
                    Instant embargo = (Instant) row[AFTER + 3];
                    boolean embargoed = after && embargo != null && embargo.isAfter((Instant) row[AFTER]);
                    // only a key with early delivery (or an editor) sees a story under embargo: it is told so (decision 164)
                    items.add(new ChangeItem(seq, (ChangeType) row[1], (UUID) row[2], slug, (Instant) row[4], after, null,
                            embargoed ? Boolean.TRUE : null, embargoed ? embargo : null));
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
     * The rights rule over the state an entry recorded (columns {@code at, live, syndicationAllowed,
     * embargoUntil, sectionId, tagIds} from {@code from} on), at the entry's time. The tag ids are
     * parsed only when the rule reads them (a partner key limited to some tags).
     */
    private static boolean allows(Caller caller, Object[] row, int from, boolean tags) {
        Instant at = (Instant) row[from];
        String tagIds = (String) row[from + 5];
        return Rights.allows(caller, Rights.Channel.SYNDICATION, new Rights.Facts((Boolean) row[from + 1],
                (Boolean) row[from + 2], (Instant) row[from + 3], (UUID) row[from + 4],
                tags ? ChangeEvent.tagIds(tagIds) : List.of()), at);
    }

    /**
     * The first read takes twice as many entries as the page holds (enough for a caller who sees most
     * changes, the usual case); further reads, for callers who see a small part, take {@link #CHUNK}.
     */
    private static int chunkSize(int chunk, int limit) {
        return chunk == 0 ? Math.min(2 * limit, CHUNK) : CHUNK;
    }

    /** The latest position of the feed (for webhooks, which start from "now"). */
    @ReadOnlyTransaction(replica = true)
    public long head() {
        return ((Number) Panache.getEntityManager().createNativeQuery("select last_seq from change_counter where id = 1")
                .getSingleResult()).longValue();
    }
}
