package news.dispatch.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import news.dispatch.common.IdList;
import news.dispatch.syndication.Rights;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

    public List<Article> findPublishedPage(Filter filter, ArticleSort sort, ArticleCursors.Key after, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder jpql = new StringBuilder("select a from Article a left join fetch a.section where ")
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
        TypedQuery<Article> query = getEntityManager().createQuery(jpql.toString(), Article.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
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
        if (f.nothing()) {
            jpql.append(" and 1 = 0");
            return;
        }
        if (f.rights() != null && f.rights() != Rights.Clause.NONE) {
            jpql.append(" and ").append(f.rights().jpql());
            params.putAll(f.rights().params());
        }
        if (f.requiredTagId() != null) {
            jpql.append(" and exists (select 1 from ArticleTag rt where rt.article = a and rt.tag.id = :requiredTag)");
            params.put("requiredTag", f.requiredTagId());
        }
        if (f.sectionId() != null) {
            jpql.append(" and a.section.id = :sectionId");
            params.put("sectionId", f.sectionId());
        }
        if (f.bylineId() != null) {
            jpql.append(" and exists (select 1 from ArticleByline ab where ab.article = a and ab.byline.id = :bylineId)");
            params.put("bylineId", f.bylineId());
        }
        if (!f.tagIds().isEmpty()) {
            if (f.anyTag()) {
                jpql.append(" and exists (select 1 from ArticleTag at where at.article = a and at.tag.id in ")
                        .append(IdList.bind("anyTag", f.tagIds(), params)).append(')');
            } else {
                for (int i = 0; i < f.tagIds().size(); i++) {
                    jpql.append(" and exists (select 1 from ArticleTag at").append(i).append(" where at").append(i)
                            .append(".article = a and at").append(i).append(".tag.id = :tag").append(i).append(')');
                    params.put("tag" + i, f.tagIds().get(i));
                }
            }
        }
        if (f.language() != null) {
            jpql.append(" and a.language = :language");
            params.put("language", f.language());
        }
        if (f.from() != null) {
            jpql.append(" and a.publishedAt >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            jpql.append(" and a.publishedAt <= :to");
            params.put("to", f.to());
        }
    }

    /**
     * The same filter as {@link #findPublishedPage} in SQL over {@code article a}, for native queries
     * (full-text search). Keep the two in step.
     */
    public static void nativeWhere(Filter f, StringBuilder sql, Map<String, Object> params) {
        if (f.nothing()) {
            sql.append(" and 1 = 0");
            return;
        }
        if (f.rights() != null && f.rights() != Rights.Clause.NONE) {
            sql.append(" and ").append(f.rights().sql());
            params.putAll(f.rights().params());
        }
        if (f.requiredTagId() != null) {
            sql.append(" and exists (select 1 from article_tag rt where rt.article_id = a.id and rt.tag_id = :requiredTag)");
            params.put("requiredTag", f.requiredTagId());
        }
        if (f.sectionId() != null) {
            sql.append(" and a.section_id = :sectionId");
            params.put("sectionId", f.sectionId());
        }
        if (f.bylineId() != null) {
            sql.append(" and exists (select 1 from article_byline ab where ab.article_id = a.id and ab.byline_id = :bylineId)");
            params.put("bylineId", f.bylineId());
        }
        if (!f.tagIds().isEmpty()) {
            if (f.anyTag()) {
                sql.append(" and exists (select 1 from article_tag at where at.article_id = a.id and at.tag_id in ")
                        .append(IdList.bind("anyTag", f.tagIds(), params)).append(')');
            } else {
                for (int i = 0; i < f.tagIds().size(); i++) {
                    sql.append(" and exists (select 1 from article_tag at").append(i).append(" where at").append(i)
                            .append(".article_id = a.id and at").append(i).append(".tag_id = :tag").append(i).append(')');
                    params.put("tag" + i, f.tagIds().get(i));
                }
            }
        }
        if (f.language() != null) {
            sql.append(" and a.language = :language");
            params.put("language", f.language());
        }
        if (f.from() != null) {
            sql.append(" and a.published_at >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and a.published_at <= :to");
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

    /** The current slug of a visible article that once had this slug. */
    public Optional<String> findCurrentSlugOfFormer(String slug) {
        return getEntityManager().createQuery("select a.slug from ArticleSlugHistory h join h.article a where h.slug = :slug and "
                        + VISIBLE, String.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /** The newest visible article of the section published before this one that the rights clause allows. */
    public Optional<Article> findPrevInSection(Article article, Rights.Clause rights) {
        return neighbour(article, "<", "desc", rights);
    }

    /** The oldest visible article of the section published after this one that the rights clause allows. */
    public Optional<Article> findNextInSection(Article article, Rights.Clause rights) {
        return neighbour(article, ">", "asc", rights);
    }

    private Optional<Article> neighbour(Article article, String cmp, String direction, Rights.Clause rights) {
        if (article.section == null || article.publishedAt == null) {
            return Optional.empty();
        }
        TypedQuery<Article> query = getEntityManager().createQuery("select a from Article a left join fetch a.section where "
                        + VISIBLE + " and " + rights.jpql()
                        + " and a.section = :section and a.publishedAt " + cmp + "= :t"
                        + " and (a.publishedAt " + cmp + " :t or (a.publishedAt = :t and a.id "
                        + cmp + " :id)) order by a.publishedAt " + direction + ", a.id " + direction, Article.class)
                .setParameter("section", article.section).setParameter("t", article.publishedAt)
                .setParameter("id", article.id);
        rights.params().forEach(query::setParameter);
        return query.setMaxResults(1).getResultStream().findFirst();
    }

    /** The editor's curated links of an article that are visible (and allowed by the rights clause), in order. */
    public List<ArticleRelated> findCuratedRelated(UUID articleId, Rights.Clause rights) {
        TypedQuery<ArticleRelated> query = getEntityManager().createQuery("select r from ArticleRelated r join fetch r.related a"
                        + " left join fetch a.section where r.article.id = :id and " + VISIBLE + " and " + rights.jpql()
                        + " order by r.position", ArticleRelated.class)
                .setParameter("id", articleId);
        rights.params().forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * Visible articles (allowed by the rights clause) sharing the most of these tags with this one, then
     * newest first, among the newest {@code candidatesPerTag} articles of each tag (docs/decisions/006):
     * one statement that reads at most tags × candidates index entries, whatever the size of the
     * collection. Ids are time-ordered (UUID version 7), so "newest by id" is "newest created".
     */
    public List<Article> findSharingMostTags(UUID articleId, List<UUID> tagIds, Collection<UUID> exclude, int limit,
                                             int candidatesPerTag, Rights.Clause rights) {
        if (limit <= 0 || tagIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder candidates = new StringBuilder();
        for (int i = 0; i < tagIds.size(); i++) {
            candidates.append(i == 0 ? "" : " union all ")
                    .append("(select o.article_id from article_tag o where o.tag_id = :tag").append(i)
                    .append(" and o.article_id <> :id order by o.article_id desc limit :candidates)");
            params.put("tag" + i, tagIds.get(i));
        }
        List<UUID> excluded = new ArrayList<>(exclude);
        excluded.add(articleId);
        params.put("id", articleId);
        params.put("candidates", candidatesPerTag);
        String excludedList = IdList.bind("excluded", excluded, params);
        params.putAll(rights.params());
        // The id as a named scalar, not a result class: Hibernate keys its plan cache by the statement and its result
        // mapping, and a result class's mapping never equals the last one, so every call would add a plan (finding 19).
        NativeQuery<?> query = getEntityManager().createNativeQuery("select a.id from (select c.article_id, count(*) shared from ("
                + candidates + ") c group by c.article_id) s join article a on a.id = s.article_id where "
                + VISIBLE_SQL + " and " + rights.sql() + " and a.id not in " + excludedList
                + " order by s.shared desc, a.published_at desc, a.id desc").unwrap(NativeQuery.class)
                .addScalar("id", UUID.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = (List<UUID>) query.setMaxResults(limit).getResultList();
        return findWithSection(ids);
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
