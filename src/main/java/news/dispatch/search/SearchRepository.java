package news.dispatch.search;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import news.dispatch.article.ArticleRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.AvailableHints;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The full-text queries. PostgreSQL: the stored, weighted {@code article.search_vector} (GIN
 * index), {@code to_tsquery} in the row's own configuration ({@code english} for English articles,
 * {@code arabic} for Arabic ones, {@code simple} otherwise), over text folded by {@code search_fold}, {@code ts_rank} and {@code ts_headline}. H2: whole-word,
 * case-insensitive regular expressions over headline, standfirst and body with a weighted score
 * (docs/decisions/040-search.md). One search statement per page either way (on PostgreSQL with a savepoint and
 * statement timeouts around it, and sometimes a second try, see {@link #planned}).
 *
 * <p>By relevance, only the newest {@code dispatch.search.window} matches are ranked: the inner statement
 * takes them in publication order (which PostgreSQL answers either by walking the publication index
 * backwards and stopping after that many matches, or from the GIN index and a top-N sort), the score is
 * computed for those rows only and the snippet for the page's rows only, so a page costs bounded work
 * however many articles match. Newest first, every match can be paged through by (published_at, id).
 */
@ApplicationScoped
@Startup // checks its settings when the application starts, not at the first search
public class SearchRepository {

    /** A page row: the article, its score, its cursor key in the requested order, and snippet text. */
    public record Row(UUID id, double score, String key, String snippet, boolean marked) {
    }

    /** Where the previous page ended: the cursor key of its order and the id. */
    public record After(String key, UUID id) {
    }

    /**
     * The rows of a page (the page and one more when there is more), and where the next page starts when the rows
     * cannot tell: a phrase's newest-first page whose candidates ran out before it was full (null otherwise).
     */
    public record Found(List<Row> rows, After next) {
        static Found of(List<Row> rows) {
            return new Found(rows, null);
        }
    }

    private static final String HEADLINE_OPTIONS = "StartSel=" + Highlighter.START + ", StopSel=" + Highlighter.STOP
            + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";
    private static final String ENGLISH = "cast('english' as regconfig)";
    private static final String SIMPLE = "cast('simple' as regconfig)";
    private static final String ARABIC = "cast('arabic' as regconfig)";
    /**
     * The snippet: ts_headline for English articles (it marks the stems it matched), the text itself for the others,
     * marked in Java with the terms' patterns, which know the letter variants (ts_headline would mark the folded
     * spelling only).
     */
    private static final String SNIPPET = "case when l.cfg = " + ENGLISH + " then ts_headline(l.cfg, concat_ws(' ',"
            + " a.standfirst, a.body_text), l.query, :options) else concat_ws(' ', a.standfirst, a.body_text) end, l.cfg = "
            + ENGLISH;
    private static final String NEWEST_FIRST = " order by a.published_at desc, a.id desc";
    /**
     * The same order (published articles always have a publication time) written so that no index gives it: the
     * publication index read backwards gives nulls first.
     */
    private static final String NEWEST_SORTED = " order by a.published_at desc nulls last, a.id desc";

    private final EntityManager em;
    private final boolean postgres;
    private final int window;
    private final int phraseWindow;
    private final long timeoutMillis;
    private final long walkTimeoutMillis;

    public SearchRepository(EntityManager em, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
                            @ConfigProperty(name = "dispatch.search.window") int window,
                            @ConfigProperty(name = "dispatch.search.phrase-window") int phraseWindow,
                            @ConfigProperty(name = "dispatch.search.timeout") Duration timeout,
                            @ConfigProperty(name = "dispatch.search.walk-timeout") Duration walkTimeout) {
        if (window < 1) {
            throw new IllegalArgumentException("dispatch.search.window must be at least 1, is " + window);
        }
        if (phraseWindow < 1) {
            throw new IllegalArgumentException("dispatch.search.phrase-window must be at least 1, is " + phraseWindow);
        }
        if (timeout.isNegative() || walkTimeout.isNegative()) {
            throw new IllegalArgumentException("dispatch.search.timeout and walk-timeout must not be negative");
        }
        this.em = em;
        this.postgres = dbKind.toLowerCase(java.util.Locale.ROOT).startsWith("postgres");
        this.window = window;
        this.phraseWindow = phraseWindow;
        this.timeoutMillis = timeout.toMillis();
        this.walkTimeoutMillis = walkTimeout.toMillis();
    }

    public Found find(SearchQuery q, ArticleRepository.Filter filter, SearchOrder order, After after, int limit) {
        if (postgres) {
            return order == SearchOrder.NEWEST ? newestPostgres(q, filter, after, limit) : Found.of(relevancePostgres(q, filter, after, limit));
        }
        return Found.of(order == SearchOrder.NEWEST ? newestH2(q, filter, after, limit) : relevanceH2(q, filter, after, limit));
    }

    /** Checks a cursor's key: the number type the database ranks with, or a publication time in microseconds. */
    public boolean validKey(SearchOrder order, String key) {
        try {
            if (order == SearchOrder.NEWEST) {
                Long.parseLong(key);
                return true;
            }
            double d = postgres ? Float.parseFloat(key) : Double.parseDouble(key);
            return Double.isFinite(d);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The visible articles that match, with the filters (and, newest first, after the cursor): {@code id}, {@code cfg}
     * (the row's text search configuration), {@code query} (the row's tsquery), {@code published_at} and
     * {@code vector}, in {@code order}, at most {@code limit}, as a statement to select from with the alias {@code a}.
     *
     * <p>One branch per configuration ({@code union all}): the English articles matched with the English tsquery,
     * the others with the simple one. The GIN index's answer for a branch is then final, where one condition picking
     * the configuration per row ({@code (config = english and vector @@ q) or (...)}) made PostgreSQL evaluate it again
     * on every row the index returned, reading each {@code tsvector} out of TOAST (docs/benchmarks.md finding 15).
     * Each branch is ordered and limited on its own, so PostgreSQL still chooses for each between walking the publication
     * index and reading the GIN index (see {@link #branch}).
     *
     * <p>A phrase of two words or more: the index holds no positions, so the branches find the articles holding its
     * words ({@link SearchQuery#candidates()}), the newest {@code dispatch.search.phrase-window} of them are kept, and
     * the phrase is checked on those only. The page after them is reached through the cursor (newest first) or not at
     * all (relevance, like its window).
     *
     * <p>The query texts are bound, so every search of one shape is the same statement (one entry in Hibernate's plan
     * cache and in each connection's statement cache, however many different words are searched: finding 19), and the
     * transaction plans every statement with its values ({@code plan_cache_mode = force_custom_plan}, see
     * {@link #statementTimeout}): the planner sees the tsqueries and estimates how many rows match from the column's
     * statistics, as it did when they were literals. That is what makes it walk the publication index for a common word
     * and use the GIN index for a rare one (a generic plan of a server-prepared statement would guess the same 0.5 %
     * for every word).
     */
    private String matchesPostgres(SearchQuery q, ArticleRepository.Filter filter, After after, String order, int limit,
                                   Map<String, Object> params) {
        if (!q.hasPhrase()) {
            return candidatesPostgres(q, filter, after, order, limit, params);
        }
        return "select a.id, a.cfg, a.query, a.published_at, a.vector from ("
                + candidatesPostgres(q, filter, after, order, phraseWindow, params) + ") a where a.vector @@ a.query"
                + order + " limit " + limit;
    }

    /**
     * The articles the index finds for the query (for a phrase, those holding its words), each with the query's own
     * tsquery in its configuration: {@code id, cfg, query, published_at, vector}, in {@code order}, at most
     * {@code limit}.
     */
    private static String candidatesPostgres(SearchQuery q, ArticleRepository.Filter filter, After after, String order,
                                             int limit, Map<String, Object> params) {
        params.put("exact", q.tsquery());
        String exact = ":exact";
        String find = exact;
        if (q.hasPhrase()) {
            params.put("find", q.candidates());
            find = ":find";
        }
        StringBuilder sql = new StringBuilder("select a.id, a.cfg, a.query, a.published_at, a.vector from (");
        branch(sql, ENGLISH, ENGLISH_VECTOR, ENGLISH, exact, find, filter, after, params);
        sql.append(order).append(" limit ").append(limit).append(") union all ");
        branch(sql, ARABIC, ARABIC_VECTOR, ARABIC, exact, find, filter, after, params);
        sql.append(order).append(" limit ").append(limit).append(") union all ");
        branch(sql, "a.search_config", OTHER_VECTOR, SIMPLE, exact, find, filter, after, params);
        sql.append(order).append(" limit ").append(limit).append(')');
        return sql.append(") a").append(order).append(" limit ").append(limit).toString();
    }

    /**
     * The vector of each branch's articles, null for the others: the expressions of the GIN indexes of migration V71,
     * written as there. PostgreSQL keeps statistics of each, so it estimates a word's matches from the branch's own
     * articles (a Sorani word is rare among English articles however common it is in Sorani ones) and walks the
     * publication index only where the word is common (docs/benchmarks.md finding 21).
     */
    private static final String ENGLISH_VECTOR = "(case when a.search_config = " + ENGLISH + " then a.search_vector end)";
    private static final String ARABIC_VECTOR = "(case when a.search_config = " + ARABIC + " then a.search_vector end)";
    private static final String OTHER_VECTOR = "(case when a.search_config <> " + ENGLISH + " and a.search_config <> "
            + ARABIC + " then a.search_vector end)";

    /**
     * One configuration's matches, to be ordered and limited on its own: a branch is planned with its own order and limit,
     * so PostgreSQL chooses between the walk and the GIN index for it (without them it would plan each branch for all
     * its rows: a sequential scan for a common word).
     */
    private static void branch(StringBuilder sql, String cfg, String vector, String config, String exact, String find,
                               ArticleRepository.Filter filter, After after, Map<String, Object> params) {
        sql.append("(select a.id, ").append(cfg).append(" as cfg, to_tsquery(").append(config).append(", ")
                .append(exact).append(") as query, a.published_at, a.search_vector as vector from article a where ")
                .append(ArticleRepository.VISIBLE_SQL).append(" and ").append(vector)
                .append(" @@ to_tsquery(").append(config).append(", ").append(find).append(')');
        ArticleRepository.nativeWhere(filter, sql, params);
        afterTime(after, sql, params);
    }

    private List<Row> relevancePostgres(SearchQuery q, ArticleRepository.Filter filter, After after, int limit) {
        Map<String, Object> params = new HashMap<>();
        Function<String, String> sql = order -> {
            StringBuilder page = new StringBuilder("select l.id, l.score, " + SNIPPET
                    + " from (select r.id, r.cfg, r.score, r.query from (select w.id,"
                    + " w.cfg, w.query, ts_rank(w.vector, w.query) as score from (")
                    .append(matchesPostgres(q, filter, null, order, window, params)).append(") w) r");
            if (after != null) {
                page.append(" where r.score < cast(:afterScore as real) or (r.score = cast(:afterScore as real) and r.id < :afterId)");
            }
            return page.append(" order by r.score desc, r.id desc limit :limit) l join article a on a.id = l.id"
                    + " order by l.score desc, l.id desc").toString();
        };
        if (after != null) {
            params.put("afterScore", Double.valueOf(Float.parseFloat(after.key())));
            params.put("afterId", after.id());
        }
        params.put("options", HEADLINE_OPTIONS);
        params.put("limit", limit);
        List<Row> rows = new ArrayList<>();
        for (Object[] r : planned(sql, params, "2 desc, 1 desc")) {
            float score = ((Number) r[1]).floatValue();
            String key = Float.toString(score);
            rows.add(new Row(uuid(r[0]), Double.parseDouble(key), key, (String) r[2], Boolean.TRUE.equals(r[3])));
        }
        return rows;
    }

    /**
     * Newest first. The matches are asked for in a materialised common table expression with the relevance window
     * as its limit (at least the page), which PostgreSQL plans on its own, for all its rows: so it chooses between
     * the publication-index walk and the GIN index on the same grounds as for relevance. Asking for one page only
     * would make the walk look cheap even for a word no recent article has, and that walk then reads every article.
     *
     * <p>With a phrase, when the phrase window was full and its matches do not fill the page, a last row (marked)
     * names the oldest candidate checked: the next page starts after it.
     */
    private Found newestPostgres(SearchQuery q, ArticleRepository.Filter filter, After after, int limit) {
        Map<String, Object> params = new HashMap<>();
        boolean phrase = q.hasPhrase();
        Function<String, String> sql = order -> {
            String page = "select l.id, ts_rank(a.search_vector, l.query), l.published_at, " + SNIPPET
                    + ", false as edge from (select m.id, m.cfg, m.query,"
                    + " m.published_at from m order by m.published_at desc, m.id desc limit :limit) l join article a on a.id = l.id";
            if (!phrase) {
                return "with m as materialized (" + matchesPostgres(q, filter, after, order, Math.max(window, limit), params)
                        + ") " + page + " order by l.published_at desc, l.id desc";
            }
            // the candidates as a set of their own, so that how many there were and the oldest can be told
            return "with c as materialized (" + candidatesPostgres(q, filter, after, order, phraseWindow, params)
                    + "), m as materialized (select c.id, c.cfg, c.query, c.published_at from c where c.vector @@ c.query) "
                    + page
                    + " union all select e.id, 0, e.published_at, null, false, true from (select c.id, c.published_at from c"
                    + " order by c.published_at, c.id limit 1) e where (select count(*) from c) >= " + phraseWindow
                    + " order by 6, 3 desc, 1 desc";
        };
        params.put("options", HEADLINE_OPTIONS);
        params.put("limit", limit);
        List<Row> rows = new ArrayList<>();
        After next = null;
        for (Object[] r : planned(sql, params, "6, 3 desc, 1 desc")) {
            if (Boolean.TRUE.equals(r[5])) {
                next = new After(timeKey(r[2]), uuid(r[0]));
                continue;
            }
            double score = Double.parseDouble(Float.toString(((Number) r[1]).floatValue()));
            rows.add(new Row(uuid(r[0]), score, timeKey(r[2]), (String) r[3], Boolean.TRUE.equals(r[4])));
        }
        return new Found(rows, rows.size() < limit ? next : null);
    }

    /**
     * Runs a PostgreSQL search statement built for an order of the matches ({@link #NEWEST_FIRST}) and lets the
     * planner choose how to find them. Its estimate assumes a word's articles are spread evenly over time; for a word
     * common in old articles and absent from recent ones it walks the publication index through many articles that
     * do not match. So that walk gets {@code dispatch.search.walk-timeout}: past it the statement is cancelled (back to
     * a savepoint) and run again in {@link #NEWEST_SORTED} order, which no index gives, so the matches come from the
     * GIN index and a top-N sort (and never from reading the whole table). Every statement of the search, and what
     * the request reads after it, then has {@code dispatch.search.timeout}. {@code outerOrder} is the statement's own
     * order by column numbers.
     */
    private List<Object[]> planned(Function<String, String> sql, Map<String, Object> params, String outerOrder) {
        if (walkTimeoutMillis <= 0 || timeoutMillis > 0 && walkTimeoutMillis >= timeoutMillis) {
            statementTimeout(timeoutMillis, false);
            return rows(sql.apply(NEWEST_FIRST), params);
        }
        // The savepoint and the walk's settings in one statement text: the driver sends its three commands in one
        // round trip. The walk timeout is a setting of the process, so it may stay written in (decision 084).
        em.createNativeQuery("savepoint search_walk; set local statement_timeout = " + walkTimeoutMillis
                + "; set local plan_cache_mode = force_custom_plan").executeUpdate();
        try {
            // The statement itself gives what the request reads after it the full timeout, as it starts: a condition on
            // no column is a one-time filter, evaluated before any row is read, and the statement's own timer keeps the
            // walk timeout it started with. Cancelled, the rollback to the savepoint undoes the setting with the rest
            // (one statement fewer than setting it afterwards; docs/decisions/140).
            String search = sql.apply(NEWEST_FIRST); // binds the statement's values in params
            Map<String, Object> gated = new HashMap<>(params);
            gated.put("afterTimeout", Long.toString(timeoutMillis));
            return rows("select s.* from (" + search + ") s where (select set_config('statement_timeout',"
                    + " :afterTimeout, true)) is not null order by " + outerOrder, gated);
        } catch (PersistenceException e) {
            if (!cancelled(e)) {
                throw e;
            }
            em.createNativeQuery("rollback to savepoint search_walk").executeUpdate();
            statementTimeout(timeoutMillis, true);
            return rows(sql.apply(NEWEST_SORTED), params);
        }
    }

    /**
     * Sets this transaction's statement timeout (0: none) and custom plans (each statement planned with its bound values,
     * never a generic plan: see {@link #matchesPostgres}) and, for the second try, rules out a sequential scan.
     */
    private void statementTimeout(long millis, boolean indexOnly) {
        em.createNativeQuery("select set_config('statement_timeout', :timeout, true),"
                        + " set_config('plan_cache_mode', 'force_custom_plan', true)"
                        + (indexOnly ? ", set_config('enable_seqscan', 'off', true)" : ""))
                .setParameter("timeout", Long.toString(millis)).getResultList();
    }

    /** Whether a statement failed because its timeout cancelled it (SQLSTATE 57014). */
    private static boolean cancelled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The H2 match: every alternative's regular expressions, and the score over the columns of {@code alias}. */
    private record H2Match(String where, String score) {
    }

    private static H2Match matchH2(SearchQuery q, String alias, Map<String, Object> params) {
        // the text and the Latin spelling of its Arabic-script words (decision 131)
        String doc = "concat_ws(' ', a.headline, a.standfirst, a.body_text, a.latin_headline, a.latin_standfirst, a.latin_body)";
        List<String> alternatives = new ArrayList<>();
        List<String> scores = new ArrayList<>();
        int n = 0;
        for (SearchQuery.Clause clause : q.clauses()) {
            List<String> conditions = new ArrayList<>();
            for (SearchQuery.Term t : clause.include()) {
                String p = "t" + n++;
                params.put(p, t.regex());
                conditions.add("regexp_like(" + doc + ", :" + p + ")");
                // ts_rank's default weights: headline (A) 1.0, standfirst (B) 0.4, body (C) 0.2
                scores.add("case when regexp_like(concat_ws(' ', " + alias + ".headline, " + alias + ".latin_headline), :" + p
                        + ") then 1.0 else 0 end"
                        + " + case when regexp_like(concat_ws(' ', " + alias + ".standfirst, " + alias + ".latin_standfirst), :" + p
                        + ") then 0.4 else 0 end"
                        + " + case when regexp_like(concat_ws(' ', " + alias + ".body_text, " + alias + ".latin_body), :" + p
                        + ") then 0.2 else 0 end");
            }
            for (SearchQuery.Term t : clause.exclude()) {
                String p = "t" + n++;
                params.put(p, t.regex());
                conditions.add("not regexp_like(" + doc + ", :" + p + ")");
            }
            alternatives.add("(" + String.join(" and ", conditions) + ")");
        }
        return new H2Match("(" + String.join(" or ", alternatives) + ")",
                "cast(" + String.join(" + ", scores) + " as double precision)");
    }

    private StringBuilder matchesH2(H2Match match, ArticleRepository.Filter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("select a.id, a.headline, a.standfirst, a.body_text, a.latin_headline,"
                + " a.latin_standfirst, a.latin_body, a.published_at from article a where ")
                .append(ArticleRepository.VISIBLE_SQL).append(" and ").append(match.where());
        ArticleRepository.nativeWhere(filter, sql, params);
        return sql;
    }

    private List<Row> relevanceH2(SearchQuery q, ArticleRepository.Filter filter, After after, int limit) {
        Map<String, Object> params = new HashMap<>();
        H2Match match = matchH2(q, "w", params);
        StringBuilder inner = matchesH2(match, filter, params).append(NEWEST_FIRST).append(" limit ").append(window);
        StringBuilder sql = new StringBuilder("select r.id, r.score, r.text from (select w.id, ").append(match.score())
                .append(" as score, concat_ws(' ', w.standfirst, w.body_text) as text from (").append(inner).append(") w) r");
        if (after != null) {
            sql.append(" where r.score < :afterScore or (r.score = :afterScore and r.id < :afterId)");
            params.put("afterScore", Double.parseDouble(after.key()));
            params.put("afterId", after.id());
        }
        sql.append(" order by r.score desc, r.id desc limit :limit");
        params.put("limit", limit);
        List<Row> rows = new ArrayList<>();
        for (Object[] r : rows(sql.toString(), params)) {
            double score = ((Number) r[1]).doubleValue();
            rows.add(new Row(uuid(r[0]), score, Double.toString(score), (String) r[2], false));
        }
        return rows;
    }

    private List<Row> newestH2(SearchQuery q, ArticleRepository.Filter filter, After after, int limit) {
        Map<String, Object> params = new HashMap<>();
        H2Match match = matchH2(q, "w", params);
        StringBuilder inner = matchesH2(match, filter, params);
        afterTime(after, inner, params);
        inner.append(NEWEST_FIRST).append(" limit :limit");
        StringBuilder sql = new StringBuilder("select w.id, ").append(match.score())
                .append(" as score, concat_ws(' ', w.standfirst, w.body_text) as text, w.published_at from (")
                .append(inner).append(") w order by w.published_at desc, w.id desc");
        params.put("limit", limit);
        List<Row> rows = new ArrayList<>();
        for (Object[] r : rows(sql.toString(), params)) {
            rows.add(new Row(uuid(r[0]), ((Number) r[1]).doubleValue(), timeKey(r[3]), (String) r[2], false));
        }
        return rows;
    }

    /**
     * Newest first, after the cursor. The first bound alone lets an index range start at the cursor; the
     * second settles ties on the time (as the article lists do, docs/benchmarks.md finding 11).
     */
    private static void afterTime(After after, StringBuilder sql, Map<String, Object> params) {
        if (after == null) {
            return;
        }
        sql.append(" and a.published_at <= :afterTime and (a.published_at < :afterTime or (a.published_at = :afterTime"
                + " and a.id < :afterId))");
        long micros = Long.parseLong(after.key());
        params.put("afterTime", Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L));
        params.put("afterId", after.id());
    }

    /** A publication time as a cursor key: microseconds since the epoch. */
    private static String timeKey(Object value) {
        Instant time;
        if (value instanceof Instant i) {
            time = i;
        } else if (value instanceof java.sql.Timestamp t) {
            time = t.toInstant();
        } else if (value instanceof java.time.OffsetDateTime o) {
            time = o.toInstant();
        } else if (value instanceof java.time.ZonedDateTime z) {
            time = z.toInstant();
        } else {
            throw new IllegalStateException("unexpected publication time " + value);
        }
        return Long.toString(time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000);
    }

    /** Native queries return H2's uuid columns as 16 bytes. */
    private static UUID uuid(Object value) {
        if (value instanceof UUID id) {
            return id;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap((byte[]) value);
        return new UUID(b.getLong(), b.getLong());
    }

    /**
     * Runs a statement. On H2 (no planner choice to correct) {@code dispatch.search.timeout} is the JDBC query timeout,
     * in whole seconds; on PostgreSQL {@link #planned} has set it for the transaction.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        if (!postgres && timeoutMillis > 0) {
            query.setHint(AvailableHints.HINT_TIMEOUT, (int) Math.max(1, (timeoutMillis + 999) / 1000));
        }
        return query.getResultList();
    }
}
