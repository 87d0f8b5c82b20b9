package news.dispatch.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import news.dispatch.article.ArticleRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The full-text queries. PostgreSQL: the stored, weighted {@code article.search_vector} (GIN
 * index), {@code websearch_to_tsquery} in the row's own configuration ({@code english} for English
 * articles, {@code simple} otherwise), {@code ts_rank} and {@code ts_headline}. H2: whole-word,
 * case-insensitive regular expressions over headline, standfirst and body with a weighted score
 * (docs/decisions/040-search.md). One statement per page either way.
 */
@ApplicationScoped
public class SearchRepository {

    /** A page row: the article, its score (exactly as the database computed it, for the cursor), and snippet text. */
    public record Row(UUID id, double score, String scoreKey, String snippet, boolean marked) {
    }

    /** Where the previous page ended. */
    public record After(String scoreKey, UUID id) {
    }

    private static final String HEADLINE_OPTIONS = "StartSel=" + Highlighter.START + ", StopSel=" + Highlighter.STOP
            + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    private final EntityManager em;
    private final boolean postgres;

    public SearchRepository(EntityManager em, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.postgres = dbKind.toLowerCase(java.util.Locale.ROOT).startsWith("postgres");
    }

    public List<Row> find(SearchQuery q, ArticleRepository.Filter filter, After after, int limit) {
        return postgres ? findPostgres(q, filter, after, limit) : findH2(q, filter, after, limit);
    }

    /** Checks a cursor's score part: the same number type the database ranks with. */
    public boolean validScoreKey(String key) {
        try {
            double d = postgres ? Float.parseFloat(key) : Double.parseDouble(key);
            return Double.isFinite(d);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private List<Row> findPostgres(SearchQuery q, ArticleRepository.Filter filter, After after, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder inner = new StringBuilder("""
                select a.id, a.search_config as cfg, ts_rank(a.search_vector, case when a.search_config = cast('english' as regconfig)
                        then q.en else q.si end) as score,
                       case when a.search_config = cast('english' as regconfig) then q.en else q.si end as query
                from article a cross join (select websearch_to_tsquery(cast('english' as regconfig), :q) as en,
                                                  websearch_to_tsquery(cast('simple' as regconfig), :q) as si) q
                where\s""").append(ArticleRepository.VISIBLE_SQL).append(" and ").append("""
                ((a.search_config = cast('english' as regconfig) and a.search_vector @@ q.en)
                      or (a.search_config <> cast('english' as regconfig) and a.search_vector @@ q.si))""");
        params.put("q", q.websearch());
        ArticleRepository.nativeWhere(filter, inner, params);
        StringBuilder sql = new StringBuilder("select l.id, l.score, ts_headline(l.cfg, concat_ws(' ', a.standfirst, a.body_text),"
                + " l.query, :options) from (select m.id, m.cfg, m.score, m.query from (").append(inner).append(") m");
        if (after != null) {
            sql.append(" where m.score < cast(:afterScore as real) or (m.score = cast(:afterScore as real) and m.id < :afterId)");
            params.put("afterScore", Double.valueOf(Float.parseFloat(after.scoreKey())));
            params.put("afterId", after.id());
        }
        sql.append(" order by m.score desc, m.id desc limit :limit) l join article a on a.id = l.id order by l.score desc, l.id desc");
        params.put("options", HEADLINE_OPTIONS);
        params.put("limit", limit);
        List<Row> rows = new ArrayList<>();
        for (Object[] r : rows(sql.toString(), params)) {
            float score = ((Number) r[1]).floatValue();
            String key = Float.toString(score);
            rows.add(new Row(uuid(r[0]), Double.parseDouble(key), key, (String) r[2], true));
        }
        return rows;
    }

    private List<Row> findH2(SearchQuery q, ArticleRepository.Filter filter, After after, int limit) {
        Map<String, Object> params = new HashMap<>();
        String doc = "concat_ws(' ', a.headline, a.standfirst, a.body_text)";
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
                scores.add("case when regexp_like(a.headline, :" + p + ") then 1.0 else 0 end"
                        + " + case when regexp_like(coalesce(a.standfirst, ''), :" + p + ") then 0.4 else 0 end"
                        + " + case when regexp_like(a.body_text, :" + p + ") then 0.2 else 0 end");
            }
            for (SearchQuery.Term t : clause.exclude()) {
                String p = "t" + n++;
                params.put(p, t.regex());
                conditions.add("not regexp_like(" + doc + ", :" + p + ")");
            }
            alternatives.add("(" + String.join(" and ", conditions) + ")");
        }
        StringBuilder inner = new StringBuilder("select a.id, cast(").append(String.join(" + ", scores))
                .append(" as double precision) as score, concat_ws(' ', a.standfirst, a.body_text) as text from article a where ")
                .append(ArticleRepository.VISIBLE_SQL).append(" and (").append(String.join(" or ", alternatives)).append(')');
        ArticleRepository.nativeWhere(filter, inner, params);
        StringBuilder sql = new StringBuilder("select m.id, m.score, m.text from (").append(inner).append(") m");
        if (after != null) {
            sql.append(" where m.score < :afterScore or (m.score = :afterScore and m.id < :afterId)");
            params.put("afterScore", Double.parseDouble(after.scoreKey()));
            params.put("afterId", after.id());
        }
        sql.append(" order by m.score desc, m.id desc limit :limit");
        params.put("limit", limit);
        List<Row> rows = new ArrayList<>();
        for (Object[] r : rows(sql.toString(), params)) {
            double score = ((Number) r[1]).doubleValue();
            rows.add(new Row(uuid(r[0]), score, Double.toString(score), (String) r[2], false));
        }
        return rows;
    }

    /** Native queries return H2's uuid columns as 16 bytes. */
    private static UUID uuid(Object value) {
        if (value instanceof UUID id) {
            return id;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap((byte[]) value);
        return new UUID(b.getLong(), b.getLong());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
