package news.dispatch.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import news.dispatch.access.Rights;
import news.dispatch.common.IdList;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every query of the article aggregate. Each list costs a fixed number of statements. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /** What anonymous readers may see, in SQL over {@code article a}. */
    public static final String VISIBLE_SQL = "a.status = 'published' and a.deleted_at is null";

    /** What anonymous readers may see. */
    static final String VISIBLE = "a.status = news.dispatch.article.ArticleStatus.PUBLISHED and a.deletedAt is null";

    /** Resolved filters: slugs already turned into ids by the service. */
    public record Filter(UUID sectionId, List<UUID> tagIds, boolean anyTag, UUID requiredTagId, UUID bylineId,
                         String language, Instant from, Instant to, boolean nothing, ArticleStatus status,
                         Rights.Clause rights) {

        /** A filter over visible articles (no editors' status filter). */
        public Filter(UUID sectionId, List<UUID> tagIds, boolean anyTag, UUID requiredTagId, UUID bylineId,
                      String language, Instant from, Instant to, boolean nothing, Rights.Clause rights) {
            this(sectionId, tagIds, anyTag, requiredTagId, bylineId, language, from, to, nothing, null, rights);
        }

        /** The same filter over articles in another workflow state (editors' status filter). */
        public Filter withStatus(ArticleStatus status) {
            return new Filter(sectionId, tagIds, anyTag, requiredTagId, bylineId, language, from, to, nothing, status, rights);
        }

        /** A filter that contradicts itself (the path names one section, the query another): nothing matches. */
        public static final Filter NOTHING = new Filter(null, List.of(), false, null, null, null, null, null, true,
                null, Rights.Clause.NONE);

        /** The same filter, restricted further by the caller's syndication rights. */
        public Filter with(Rights.Clause clause) {
            return new Filter(sectionId, tagIds, anyTag, requiredTagId, bylineId, language, from, to, nothing, status, clause);
        }
    }

    /** A row of a page: the article with its section, and its body when asked for. */
    public record Row(Article article, Body body) {
    }

    /** A page of articles with their sections, and their bodies when asked for (the body is lazy on the entity): one statement. */
    public List<Row> findPublishedPage(Filter filter, ArticleSort sort, ArticleCursors.Key after, int limit, boolean withBody) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder jpql = new StringBuilder(withBody ? "select a, a.bodyHtml, a.bodyText" : "select a")
                .append(" from Article a left join fetch a.section where ")
                .append(visibility(filter, params));
        where(filter, jpql, params);
        String property = "a." + sort.property();
        if (after != null) {
            String cmp = sort.descending() ? "<" : ">";
            // The first bound alone is what lets the index range start at the cursor (an OR cannot);
            // the OR then settles ties on the time (docs/benchmarks.md, finding 11).
            jpql.append(" and ").append(property).append(' ').append(cmp).append("= :afterTime");
            jpql.append(" and (").append(property).append(' ').append(cmp).append(" :afterTime or (")
                    .append(property).append(" = :afterTime and a.id ").append(cmp).append(" :afterId))");
            params.put("afterTime", after.time());
            params.put("afterId", after.id());
        }
        String direction = sort.descending() ? " desc" : " asc";
        jpql.append(" order by ").append(property).append(direction).append(", a.id").append(direction);
        if (!withBody) {
            TypedQuery<Article> query = getEntityManager().createQuery(jpql.toString(), Article.class);
            params.forEach(query::setParameter);
            return query.setMaxResults(limit).getResultList().stream().map(a -> new Row(a, null)).toList();
        }
        TypedQuery<Object[]> query = getEntityManager().createQuery(jpql.toString(), Object[].class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList().stream()
                .map(r -> new Row((Article) r[0], new Body((String) r[1], (String) r[2]))).toList();
    }

    /**
     * The visible articles named by these ids or slugs that the rights clause lets through, with their sections (and
     * their bodies when asked for), in one statement whatever their number: what a batch read and the change feed's
     * embedded articles show (docs/decisions/150). Either collection may be empty, not both.
     */
    public List<Row> findVisibleByIdsOrSlugs(Collection<UUID> ids, Collection<String> slugs, Rights.Clause rights,
                                             boolean withBody) {
        if (ids.isEmpty() && slugs.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder jpql = new StringBuilder(withBody ? "select a, a.bodyHtml, a.bodyText" : "select a")
                .append(" from Article a left join fetch a.section where ").append(VISIBLE).append(" and (");
        if (!ids.isEmpty()) {
            jpql.append("a.id in ").append(IdList.bind("id", ids, params));
        }
        if (!slugs.isEmpty()) {
            jpql.append(ids.isEmpty() ? "" : " or ").append("a.slug in ").append(IdList.bind("slug", slugs, params));
        }
        jpql.append(')');
        if (rights != null && rights != Rights.Clause.NONE) {
            jpql.append(" and ").append(rights.jpql());
            params.putAll(rights.params());
        }
        if (!withBody) {
            TypedQuery<Article> query = getEntityManager().createQuery(jpql.toString(), Article.class);
            params.forEach(query::setParameter);
            return query.getResultList().stream().map(a -> new Row(a, null)).toList();
        }
        TypedQuery<Object[]> query = getEntityManager().createQuery(jpql.toString(), Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(r -> new Row((Article) r[0], new Body((String) r[1], (String) r[2]))).toList();
    }

    public long countPublished(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder jpql = new StringBuilder("select count(a) from Article a where ").append(visibility(filter, params));
        where(filter, jpql, params);
        TypedQuery<Long> query = getEntityManager().createQuery(jpql.toString(), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** Published articles, or (editors) the articles in the requested workflow state; never deleted ones. */
    private static String visibility(Filter f, Map<String, Object> params) {
        if (f.status() == null) {
            return VISIBLE;
        }
        params.put("status", f.status());
        return "a.status = :status and a.deletedAt is null";
    }

    private static void where(Filter f, StringBuilder jpql, Map<String, Object> params) {
        where(f, Terms.JPQL, jpql, params);
    }

    /**
     * The same filter as {@link #findPublishedPage} in SQL over {@code article a}, for native queries
     * (full-text search): one filter, said in either language ({@link Terms}).
     */
    public static void nativeWhere(Filter f, StringBuilder sql, Map<String, Object> params) {
        where(f, Terms.SQL, sql, params);
    }

    /** How the filter's conditions read in JPQL over {@code Article a}, or in SQL over {@code article a}. */
    private record Terms(boolean sql, String requiredTag, String section, String byline, String anyTag, String eachTag,
                         String from, String to) {

        static final Terms JPQL = new Terms(false,
                "exists (select 1 from ArticleTag rt where rt.article = a and rt.tag.id = :requiredTag)",
                "a.section.id = :sectionId",
                "exists (select 1 from ArticleByline ab where ab.article = a and ab.byline.id = :bylineId)",
                "exists (select 1 from ArticleTag at where at.article = a and at.tag.id in ",
                "exists (select 1 from ArticleTag at%1$d where at%1$d.article = a and at%1$d.tag.id = :tag%1$d)",
                "a.publishedAt >= :from", "a.publishedAt <= :to");

        static final Terms SQL = new Terms(true,
                "exists (select 1 from article_tag rt where rt.article_id = a.id and rt.tag_id = :requiredTag)",
                "a.section_id = :sectionId",
                "exists (select 1 from article_byline ab where ab.article_id = a.id and ab.byline_id = :bylineId)",
                "exists (select 1 from article_tag at where at.article_id = a.id and at.tag_id in ",
                "exists (select 1 from article_tag at%1$d where at%1$d.article_id = a.id and at%1$d.tag_id = :tag%1$d)",
                "a.published_at >= :from", "a.published_at <= :to");
    }

    private static void where(Filter f, Terms terms, StringBuilder query, Map<String, Object> params) {
        if (f.nothing()) {
            query.append(" and 1 = 0");
            return;
        }
        if (f.rights() != null && f.rights() != Rights.Clause.NONE) {
            query.append(" and ").append(terms.sql() ? f.rights().sql() : f.rights().jpql());
            params.putAll(f.rights().params());
        }
        if (f.requiredTagId() != null) {
            query.append(" and ").append(terms.requiredTag());
            params.put("requiredTag", f.requiredTagId());
        }
        if (f.sectionId() != null) {
            query.append(" and ").append(terms.section());
            params.put("sectionId", f.sectionId());
        }
        if (f.bylineId() != null) {
            query.append(" and ").append(terms.byline());
            params.put("bylineId", f.bylineId());
        }
        if (!f.tagIds().isEmpty()) {
            if (f.anyTag()) {
                query.append(" and ").append(terms.anyTag()).append(IdList.bind("anyTag", f.tagIds(), params)).append(')');
            } else {
                for (int i = 0; i < f.tagIds().size(); i++) {
                    query.append(" and ").append(String.format(Locale.ROOT, terms.eachTag(), i));
                    params.put("tag" + i, f.tagIds().get(i));
                }
            }
        }
        if (f.language() != null) {
            query.append(" and a.language = :language");
            params.put("language", f.language());
        }
        if (f.from() != null) {
            query.append(" and ").append(terms.from());
            params.put("from", f.from());
        }
        if (f.to() != null) {
            query.append(" and ").append(terms.to());
            params.put("to", f.to());
        }
    }

    public Optional<Article> findVisibleBySlug(String slug) {
        return find("select a from Article a left join fetch a.section where a.slug = ?1 and " + VISIBLE, slug)
                .firstResultOptional();
    }

    public Optional<Article> findVisibleById(UUID id) {
        return find("select a from Article a left join fetch a.section where a.id = ?1 and " + VISIBLE, id)
                .firstResultOptional();
    }

    /** A deleted article (a tombstone) by id or by the slug it had. */
    public Optional<Article> findDeleted(String slugOrId) {
        Optional<UUID> id = news.dispatch.common.Ids.parse(slugOrId);
        String where = id.isPresent() ? "a.id = ?1" : "a.slug = ?1";
        return find("select a from Article a left join fetch a.section where " + where + " and a.deletedAt is not null",
                id.isPresent() ? id.get() : slugOrId).firstResultOptional();
    }

    /** The visible article that once had this slug (its section fetched, for the rights rule). */
    public Optional<Article> findVisibleByFormerSlug(String slug) {
        return getEntityManager().createQuery("select a from ArticleSlugHistory h join h.article a left join fetch a.section"
                        + " where h.slug = :slug and " + VISIBLE, Article.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /**
     * A visible article by id or slug with its section, and the ids of its tags in the editor's order (what the
     * rights rule and the related posts need before anything else): one statement, a row per tag.
     */
    public Optional<Own> findVisibleWithTagIds(String slugOrId) {
        Optional<UUID> id = news.dispatch.common.Ids.parse(slugOrId);
        return own("select a, at.tag.id from Article a left join fetch a.section left join a.tags at where "
                + (id.isPresent() ? "a.id" : "a.slug") + " = :key and " + VISIBLE + " order by at.position",
                id.isPresent() ? id.get() : slugOrId);
    }

    /** An article that is not deleted, in any workflow state (editors), with its tag ids: one statement. */
    public Optional<Own> findLiveWithTagIds(String slugOrId) {
        Optional<UUID> id = news.dispatch.common.Ids.parse(slugOrId);
        return own("select a, at.tag.id from Article a left join fetch a.section left join a.tags at where "
                + (id.isPresent() ? "a.id" : "a.slug") + " = :key and a.deletedAt is null order by at.position",
                id.isPresent() ? id.get() : slugOrId);
    }

    private Optional<Own> own(String jpql, Object key) {
        List<Object[]> rows = getEntityManager().createQuery(jpql, Object[].class).setParameter("key", key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> tagIds = new ArrayList<>();
        rows.forEach(r -> {
            if (r[1] != null) {
                tagIds.add((UUID) r[1]);
            }
        });
        return Optional.of(new Own((Article) rows.get(0)[0], List.copyOf(tagIds)));
    }

    /** An article and the ids of its tags, in order. */
    public record Own(Article article, List<UUID> tagIds) {
    }

    /** What an article shows around its own row, as ids (navigation, curated and related posts), and its body and corrections. */
    public record Surroundings(UUID previous, UUID next, List<Curated> curated, List<UUID> sharingTags, Body body,
                               List<Correction> corrections) {
    }

    /** A visible curated link: the linked article and the relation, in the editor's order. */
    public record Curated(UUID id, Relation relation) {
    }

    /**
     * Everything the article response shows beyond the article's row, its section and the summaries' data, in one
     * statement (a {@code union all} of one branch per part asked for): the previous and next visible articles of its
     * section, its visible curated links, the articles sharing the most of its tags (the
     * curated ones left out), its body and its corrections. Each branch is what the
     * separate statement was, so each keeps its index; parts left out have no branch (docs/decisions/140).
     *
     * <p>Related posts: visible articles (allowed by the rights clause) sharing the most of these tags with this one,
     * then newest first, among the newest {@code candidatesPerTag} articles of each tag (docs/decisions/006): at most
     * tags × candidates index entries, whatever the size of the collection. Ids are time-ordered (UUID version 7), so
     * "newest by id" is "newest created". The ids and the kind are named scalars, not a result class, so that
     * Hibernate finds the statement's plan again (docs/benchmarks.md, finding 19).
     */
    public Surroundings findSurroundings(Article article, List<UUID> tagIds, boolean navigation, boolean related, boolean body,
                                         boolean corrections, int relatedLimit, int candidatesPerTag, Rights.Clause rights) {
        Map<String, Object> params = new HashMap<>();
        List<String> branches = new ArrayList<>();
        String visible = VISIBLE_SQL + " and " + rights.sql();
        String noText = "cast(null as varchar(1000000))";
        String noTime = "cast(null as timestamp with time zone)";
        if (navigation && article.section != null && article.publishedAt != null) {
            for (String[] side : new String[][] {{"1", "<", "desc"}, {"2", ">", "asc"}}) {
                String cmp = side[1];
                branches.add("(select " + side[0] + " as kind, a.id as id, 0 as pos, " + noText + " as txt1, " + noText
                        + " as txt2, " + noTime + " as t from article a where " + visible
                        + " and a.section_id = :section and a.published_at " + cmp + "= :published"
                        + " and (a.published_at " + cmp + " :published or (a.published_at = :published and a.id " + cmp
                        + " :id)) order by a.published_at " + side[2] + ", a.id " + side[2] + " limit 1)");
            }
            params.put("section", article.section.id);
            params.put("published", article.publishedAt);
        }
        if (related) {
            branches.add("(select 3 as kind, r.related_id as id, r.position as pos, r.relation as txt1, " + noText
                    + " as txt2, " + noTime + " as t from article_related r join article a on a.id = r.related_id where r.article_id = :id and " + visible + ")");
            if (!tagIds.isEmpty() && relatedLimit > 0) {
                StringBuilder candidates = new StringBuilder();
                for (int i = 0; i < tagIds.size(); i++) {
                    candidates.append(i == 0 ? "" : " union all ")
                            .append("(select o.article_id from article_tag o where o.tag_id = :tag").append(i)
                            .append(" and o.article_id <> :id order by o.article_id desc limit :candidates)");
                    params.put("tag" + i, tagIds.get(i));
                }
                params.put("candidates", candidatesPerTag);
                params.put("relatedLimit", relatedLimit);
                branches.add("(select 4 as kind, a.id as id, cast(row_number() over (order by s.shared desc,"
                        + " a.published_at desc, a.id desc) as integer) as pos, " + noText + " as txt1, " + noText + " as txt2, "
                        + noTime + " as t"
                        + " from (select c.article_id, count(*) shared from (" + candidates + ") c group by c.article_id) s"
                        + " join article a on a.id = s.article_id where " + visible
                        + " and not exists (select 1 from article_related x where x.article_id = :id and x.related_id = a.id)"
                        + " order by s.shared desc, a.published_at desc, a.id desc limit :relatedLimit)");
            }
        }
        if (body) {
            branches.add("(select 5 as kind, a.id as id, 0 as pos, a.body_html as txt1, a.body_text as txt2, " + noTime
                    + " as t from article a where a.id = :id)");
        }
        if (corrections) {
            branches.add("(select 6 as kind, c.article_id as id, cast(row_number() over (order by c.corrected_at, c.id)"
                    + " as integer) as pos, c.note as txt1, " + noText + " as txt2, c.corrected_at as t from article_correction c where c.article_id = :id)");
        }
        if (branches.isEmpty()) {
            return new Surroundings(null, null, List.of(), List.of(), null, corrections ? List.of() : null);
        }
        params.put("id", article.id);
        if (branches.stream().anyMatch(b -> b.contains(visible))) { // body and corrections alone name no rights
            params.putAll(rights.params());
        }
        NativeQuery<?> query = getEntityManager().createNativeQuery("select kind, id, pos, txt1, txt2, t from ("
                        + String.join(" union all ", branches) + ") x").unwrap(NativeQuery.class)
                .addScalar("kind", Integer.class).addScalar("id", UUID.class).addScalar("pos", Integer.class)
                .addScalar("txt1", String.class).addScalar("txt2", String.class).addScalar("t", Instant.class);
        params.forEach(query::setParameter);
        UUID previous = null;
        UUID next = null;
        Map<Integer, Curated> curated = new java.util.TreeMap<>();
        Map<Integer, UUID> sharing = new java.util.TreeMap<>();
        Map<Integer, Correction> fixes = new java.util.TreeMap<>();
        Body text = null;
        ArticleRelated.RelationConverter relation = new ArticleRelated.RelationConverter();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            int pos = (Integer) r[2];
            switch ((Integer) r[0]) {
                case 1 -> previous = (UUID) r[1];
                case 2 -> next = (UUID) r[1];
                case 3 -> curated.put(pos, new Curated((UUID) r[1], relation.convertToEntityAttribute((String) r[3])));
                case 4 -> sharing.put(pos, (UUID) r[1]);
                case 5 -> text = new Body((String) r[3], (String) r[4]);
                default -> fixes.put(pos, new Correction((Instant) r[5], (String) r[3]));
            }
        }
        return new Surroundings(previous, next, List.copyOf(curated.values()), List.copyOf(sharing.values()), text,
                corrections ? List.copyOf(fixes.values()) : null);
    }

    /** The ids a list's filters name: its section and byline (null when not named or not found) and the tags found, by slug. */
    public record Named(UUID section, UUID byline, Map<String, UUID> tags) {
    }

    /** A value no slug and no id ever takes: what a look-up of a filter that is not named compares with. */
    private static final String NO_SLUG = "";
    private static final UUID NO_ID = new UUID(0, 0);

    /**
     * The section and byline (each by slug or id, the id first, as their own look-ups do) and the tags (by slug) that a
     * list's filters name, in one statement whatever is named (docs/decisions/140): a list with a section and a tag costs
     * what a list with one of them does. Each statement shape is one per number of tags, rounded to a power of two.
     */
    public Named resolve(String section, String byline, Collection<String> tagSlugs) {
        Map<String, Object> params = new HashMap<>();
        params.put("sectionSlug", section == null ? NO_SLUG : section);
        params.put("sectionId", section == null ? NO_ID : news.dispatch.common.Ids.parse(section).orElse(NO_ID));
        params.put("bylineSlug", byline == null ? NO_SLUG : byline);
        params.put("bylineId", byline == null ? NO_ID : news.dispatch.common.Ids.parse(byline).orElse(NO_ID));
        String tagList = IdList.bind("tag", tagSlugs.isEmpty() ? List.of(NO_SLUG) : tagSlugs, params);
        NativeQuery<?> query = getEntityManager().createNativeQuery(
                        "select 1 as kind, id, slug from section where slug = :sectionSlug or id = :sectionId"
                                + " union all select 2 as kind, id, slug from byline where slug = :bylineSlug or id = :bylineId"
                                + " union all select 3 as kind, id, slug from tag where slug in " + tagList)
                .unwrap(NativeQuery.class)
                .addScalar("kind", Integer.class).addScalar("id", UUID.class).addScalar("slug", String.class);
        params.forEach(query::setParameter);
        UUID sectionBySlug = null;
        UUID sectionById = null;
        UUID bylineBySlug = null;
        UUID bylineById = null;
        Map<String, UUID> tags = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            UUID id = (UUID) r[1];
            switch ((Integer) r[0]) {
                case 1 -> {
                    if (id.equals(params.get("sectionId"))) {
                        sectionById = id;
                    } else {
                        sectionBySlug = id;
                    }
                }
                case 2 -> {
                    if (id.equals(params.get("bylineId"))) {
                        bylineById = id;
                    } else {
                        bylineBySlug = id;
                    }
                }
                default -> tags.put((String) r[2], id);
            }
        }
        return new Named(sectionById != null ? sectionById : sectionBySlug, bylineById != null ? bylineById : bylineBySlug, tags);
    }

    /** The rows (with their sections), byline credits and tags of some articles, and their corrections when asked for. */
    public record Parts(Map<UUID, Article> rows, Map<UUID, List<ArticleByline>> bylines, Map<UUID, List<ArticleTag>> tags,
                        Map<UUID, List<ArticleCorrection>> corrections) {
    }

    /**
     * What the summaries of these articles show, in one statement whatever their number: each article with its section,
     * its byline credits and its tags (and its corrections when asked for), joined side by side. An article has a row
     * for each pair of its credits and tags (one when it has neither); articles of a page are already loaded, so
     * {@code withRows} false leaves their columns out. Credits and tags come back in the editor's order, corrections
     * oldest first.
     */
    public Parts findParts(Collection<UUID> articleIds, boolean withRows, boolean withCorrections) {
        Map<UUID, Article> rows = new HashMap<>();
        Map<UUID, List<ArticleByline>> credits = new HashMap<>();
        Map<UUID, List<ArticleTag>> tags = new HashMap<>();
        Map<UUID, List<ArticleCorrection>> corrections = new HashMap<>();
        if (articleIds.isEmpty()) {
            return new Parts(rows, credits, tags, corrections);
        }
        String hql = "select a" + (withRows ? "" : ".id") + ", ab, at" + (withCorrections ? ", c" : "") + " from Article a"
                + (withRows ? " left join fetch a.section" : "")
                + " left join a.bylines ab left join fetch ab.byline left join a.tags at left join fetch at.tag"
                + (withCorrections ? " left join a.corrections c" : "") + " where a.id in :ids";
        Map<UUID, java.util.Set<Object>> seen = new HashMap<>();
        for (Object[] r : IdList.query(getEntityManager(), hql, Object[].class, articleIds).getResultList()) {
            UUID id = withRows ? ((Article) r[0]).id : (UUID) r[0];
            if (withRows) {
                rows.putIfAbsent(id, (Article) r[0]);
            }
            java.util.Set<Object> done = seen.computeIfAbsent(id, k -> new java.util.HashSet<>());
            if (r[1] instanceof ArticleByline ab && done.add(ab)) {
                credits.computeIfAbsent(id, k -> new ArrayList<>()).add(ab);
            }
            if (r[2] instanceof ArticleTag at && done.add(at)) {
                tags.computeIfAbsent(id, k -> new ArrayList<>()).add(at);
            }
            if (withCorrections && r[3] instanceof ArticleCorrection c && done.add(c)) {
                corrections.computeIfAbsent(id, k -> new ArrayList<>()).add(c);
            }
        }
        credits.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(ab -> ab.position)));
        tags.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(at -> at.position)));
        corrections.values().forEach(l -> l.sort(java.util.Comparator.comparing((ArticleCorrection c) -> c.correctedAt)
                .thenComparing(c -> c.id.toString())));
        return new Parts(rows, credits, tags, corrections);
    }

    /** Articles by id, in the order of the ids given, in one statement. */
    public List<Article> findWithSection(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Article> byId = new HashMap<>();
        IdList.query(getEntityManager(), "select a from Article a left join fetch a.section where a.id in :ids", Article.class,
                        ids).getResultList().forEach(a -> byId.put(a.id, a));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The bodies of many articles in one statement (the body is lazy on the entity). */
    public Map<UUID, Body> findBodies(Collection<UUID> articleIds) {
        Map<UUID, Body> result = new HashMap<>();
        if (articleIds.isEmpty()) {
            return result;
        }
        IdList.query(getEntityManager(), "select a.id, a.bodyHtml, a.bodyText from Article a where a.id in :ids", Object[].class,
                        articleIds).getResultList()
                .forEach(r -> result.put((UUID) r[0], new Body((String) r[1], (String) r[2])));
        return result;
    }

    /** The byline credits of many articles in one statement, in credit order. */
    public Map<UUID, List<ArticleByline>> findBylines(Collection<UUID> articleIds) {
        Map<UUID, List<ArticleByline>> result = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return result;
        }
        IdList.query(getEntityManager(), "select ab from ArticleByline ab join fetch ab.byline where ab.article.id in :ids"
                        + " order by ab.position", ArticleByline.class, articleIds).getResultList()
                .forEach(ab -> result.computeIfAbsent(ab.article.id, k -> new ArrayList<>()).add(ab));
        return result;
    }

    /** The tags of many articles in one statement, in the editor's order. */
    public Map<UUID, List<ArticleTag>> findTags(Collection<UUID> articleIds) {
        Map<UUID, List<ArticleTag>> result = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return result;
        }
        IdList.query(getEntityManager(), "select at from ArticleTag at join fetch at.tag where at.article.id in :ids"
                        + " order by at.position", ArticleTag.class, articleIds).getResultList()
                .forEach(at -> result.computeIfAbsent(at.article.id, k -> new ArrayList<>()).add(at));
        return result;
    }

    /** Whether another live article of the translation group is in the language. */
    public boolean translationTaken(UUID group, String language, UUID except) {
        return count("translationGroup = ?1 and language = ?2 and id <> ?3 and deletedAt is null", group, language, except) > 0;
    }

    /**
     * The visible versions of the given articles' translation groups, by group, in one statement; none (and no
     * statement) when no article of them has translations.
     */
    public Map<UUID, List<Article>> findTranslations(Collection<Article> of) {
        java.util.Set<UUID> groups = of.stream().map(a -> a.translationGroup).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        Map<UUID, List<Article>> result = new LinkedHashMap<>();
        if (groups.isEmpty()) {
            return result;
        }
        IdList.query(getEntityManager(), "select a from Article a where a.translationGroup in :ids and " + VISIBLE
                        + " order by a.language", Article.class, groups).getResultList()
                .forEach(a -> result.computeIfAbsent(a.translationGroup, k -> new ArrayList<>()).add(a));
        return result;
    }

    /** The corrections of many articles in one statement, oldest first. */
    public Map<UUID, List<ArticleCorrection>> findCorrections(Collection<UUID> articleIds) {
        Map<UUID, List<ArticleCorrection>> result = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return result;
        }
        IdList.query(getEntityManager(), "select c from ArticleCorrection c where c.article.id in :ids"
                        + " order by c.correctedAt, c.id", ArticleCorrection.class, articleIds).getResultList()
                .forEach(c -> result.computeIfAbsent(c.article.id, k -> new ArrayList<>()).add(c));
        return result;
    }

    public List<ArticleCorrection> findCorrections(UUID articleId) {
        return getEntityManager().createQuery("select c from ArticleCorrection c where c.article.id = :id order by c.correctedAt, c.id",
                        ArticleCorrection.class)
                .setParameter("id", articleId).getResultList();
    }

    // ---- Write side: lookups that ignore the workflow state (editors), and slug bookkeeping ----

    /** An article that is not deleted, in any workflow state, by id or current slug. */
    public Optional<Article> findLive(String slugOrId) {
        Optional<UUID> id = news.dispatch.common.Ids.parse(slugOrId);
        String where = id.isPresent() ? "a.id = ?1" : "a.slug = ?1";
        return find("select a from Article a left join fetch a.section where " + where + " and a.deletedAt is null",
                id.isPresent() ? id.get() : slugOrId).firstResultOptional();
    }

    /** The id of an article that is not deleted, by id or current slug, without loading it. */
    public Optional<UUID> findLiveId(String slugOrId) {
        Optional<UUID> id = news.dispatch.common.Ids.parse(slugOrId);
        String where = id.isPresent() ? "a.id = :key" : "a.slug = :key";
        return getEntityManager().createQuery("select a.id from Article a where " + where + " and a.deletedAt is null", UUID.class)
                .setParameter("key", id.isPresent() ? id.get() : slugOrId).getResultStream().findFirst();
    }

    /** Whether a slug is the current or a former slug of any article other than this one. */
    public boolean slugTaken(String slug, UUID exceptId) {
        long current = count("slug = ?1 and id <> ?2", slug, exceptId);
        if (current > 0) {
            return true;
        }
        return getEntityManager().createQuery("select count(h) from ArticleSlugHistory h where h.slug = :slug and h.article.id <> :id",
                        Long.class).setParameter("slug", slug).setParameter("id", exceptId).getSingleResult() > 0;
    }

    /** Scheduled articles whose time has come, oldest first. */
    public List<UUID> findDueScheduled(Instant now, int limit) {
        return getEntityManager().createQuery("select a.id from Article a where a.status = news.dispatch.article.ArticleStatus.SCHEDULED"
                        + " and a.deletedAt is null and a.publishedAt <= :now order by a.publishedAt, a.id", UUID.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }
}
