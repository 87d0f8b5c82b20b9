package news.dispatch.tag;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import news.dispatch.access.Rights;
import news.dispatch.common.Ids;
import news.dispatch.taxonomy.TaxonomyRepository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TagRepository implements PanacheRepositoryBase<Tag, UUID>, TaxonomyRepository<Tag> {

    /** Published, not deleted articles per tag that the rights clause lets the caller list. */
    private static String counts(Rights.Clause rights) {
        return "(select at.tag_id, count(*) as n from article_tag at join article a on a.id = at.article_id"
                + " where a.status = 'published' and a.deleted_at is null and " + rights.sql() + " group by at.tag_id)";
    }

    public record Row(Tag tag, long articleCount) {
    }

    @Override
    public Optional<Tag> findBySlugOrId(String key) {
        return Ids.parse(key).flatMap(this::findByIdOptional)
                .or(() -> find("slug", key).firstResultOptional());
    }

    public List<Tag> findBySlugs(Collection<String> slugs) {
        return list("slug in ?1", slugs);
    }

    /** The tag's published articles that the rights clause lets the caller list (what its articles list would count). */
    public long countPublished(UUID tagId, Rights.Clause rights) {
        Query query = getEntityManager().createNativeQuery("select count(*) from article_tag at join article a on a.id = at.article_id"
                + " where at.tag_id = :tag and a.status = 'published' and a.deleted_at is null and " + rights.sql());
        query.setParameter("tag", tagId);
        rights.params().forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * A page of tags with their article counts, in two statements whatever the page size.
     * byCount orders by count descending, then slug; otherwise by name, then slug.
     */
    public List<Row> findPage(TagType type, String namePattern, boolean byCount, String afterKey, String afterSlug, int limit,
                              Rights.Clause rights) {
        StringBuilder sql = new StringBuilder("select cast(t.id as varchar(36)), coalesce(c.n, 0) as n from tag t left join ")
                .append(counts(rights)).append(" c on c.tag_id = t.id where 1 = 1");
        Map<String, Object> params = new HashMap<>(rights.params());
        if (type != null) {
            sql.append(" and t.type = :type");
            params.put("type", type.value());
        }
        if (namePattern != null) {
            sql.append(" and t.name_key like :pattern escape '!'");
            params.put("pattern", namePattern);
        }
        if (afterSlug != null) {
            if (byCount) {
                sql.append(" and (coalesce(c.n, 0) < :afterCount or (coalesce(c.n, 0) = :afterCount and t.slug > :afterSlug))");
                params.put("afterCount", Long.parseLong(afterKey));
            } else {
                sql.append(" and (t.name_key > :afterName or (t.name_key = :afterName and t.slug > :afterSlug))");
                params.put("afterName", afterKey);
            }
            params.put("afterSlug", afterSlug);
        }
        sql.append(byCount ? " order by n desc, t.slug" : " order by t.name_key, t.slug");
        Query query = getEntityManager().createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(limit).getResultList();
        Map<UUID, Long> counts = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (Object[] r : rows) {
            // The id is read as text: H2 returns a native UUID column as bytes, PostgreSQL as a UUID.
            UUID id = UUID.fromString(r[0].toString());
            ids.add(id);
            counts.put(id, ((Number) r[1]).longValue());
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Tag> tags = new HashMap<>();
        list("id in ?1", ids).forEach(t -> tags.put(t.id, t));
        return ids.stream().map(id -> new Row(tags.get(id), counts.get(id))).toList();
    }

    public long countMatching(TagType type, String namePattern) {
        if (type != null && namePattern != null) {
            return count("type = ?1 and nameKey like ?2 escape '!'", type, namePattern);
        }
        if (type != null) {
            return count("type", type);
        }
        if (namePattern != null) {
            return count("nameKey like ?1 escape '!'", namePattern);
        }
        return count();
    }
}
