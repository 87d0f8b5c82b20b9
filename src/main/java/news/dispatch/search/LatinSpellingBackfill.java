package news.dispatch.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.dispatch.text.SearchFolding;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Spells in Latin letters, for search, the articles written before the application did it itself (migration V70,
 * docs/decisions/131-search-in-kurdish-and-arabic.md): those not in English or Arabic whose {@code latin_headline} is
 * still null (the application writes at least an empty one for them). A batch at a time, each in its own transaction,
 * with plain updates: the text, the representation and its ETag do not change, so nothing is purged and the change
 * feed is not written. Runs after start and then hourly; once every article is spelled it is one look-up of an empty
 * partial index (PostgreSQL) a run.
 */
@ApplicationScoped
public class LatinSpellingBackfill {

    private static final Logger LOG = Logger.getLogger(LatinSpellingBackfill.class);
    private static final int BATCH = 200;
    /** Articles not in English or Arabic whose Latin spelling was never written (the partial index of V71). */
    static final String PENDING = "latin_headline is null and lower(language) <> 'en' and lower(language) not like 'en-%'"
            + " and lower(language) <> 'ar' and lower(language) not like 'ar-%'";

    private final EntityManager em;

    public LatinSpellingBackfill(EntityManager em) {
        this.em = em;
    }

    @Scheduled(identity = "latin-spelling-backfill", every = "${dispatch.search.latin-backfill-every:1h}",
            delayed = "${dispatch.jobs.start-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        spellPending();
    }

    /** Spells every pending article; returns how many. */
    public int spellPending() {
        int done = 0;
        while (true) {
            int n = QuarkusTransaction.requiringNew().call(this::spellBatch);
            done += n;
            if (n < BATCH) {
                if (done > 0) {
                    LOG.infof("Spelled %d articles in Latin letters for search", done);
                }
                return done;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private int spellBatch() {
        // skip locked: another instance may be at the same rows
        List<Object[]> rows = em.createNativeQuery("select id, headline, standfirst, body_text, language from article where "
                + PENDING + " limit " + BATCH + " for update skip locked").getResultList();
        for (Object[] r : rows) {
            String language = (String) r[4];
            String headline = SearchFolding.latinWords((String) r[1], language);
            em.createNativeQuery("update article set latin_headline = :h, latin_standfirst = :s, latin_body = :b where id = :id")
                    .setParameter("h", headline == null ? "" : headline)
                    .setParameter("s", SearchFolding.latinWords((String) r[2], language))
                    .setParameter("b", SearchFolding.latinWords((String) r[3], language))
                    .setParameter("id", id(r[0]))
                    .executeUpdate();
        }
        return rows.size();
    }

    /** Native queries return H2's uuid columns as 16 bytes. */
    private static java.util.UUID id(Object value) {
        if (value instanceof java.util.UUID id) {
            return id;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap((byte[]) value);
        return new java.util.UUID(b.getLong(), b.getLong());
    }
}
