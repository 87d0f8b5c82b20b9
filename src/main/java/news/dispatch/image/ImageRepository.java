package news.dispatch.image;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.common.Ids;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ImageRepository implements PanacheRepositoryBase<Image, UUID> {

    public Optional<Image> findByKey(String key) {
        return Ids.parse(key).flatMap(id -> findByIdOptional(id));
    }

    /** Filters of the list; null means any. */
    public record Filter(String text, String credit, String source, Boolean syndicated) {
    }

    /** Newest first, after the cursor's (createdAt, id). */
    public List<Image> findPage(Filter f, Instant afterCreated, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        if (afterCreated != null) {
            params.add(afterCreated);
            params.add(afterId);
            where += (where.isEmpty() ? "" : " and ") + "(createdAt < ?" + (params.size() - 1) + " or (createdAt = ?"
                    + (params.size() - 1) + " and id < ?" + params.size() + "))";
        }
        return find((where.isEmpty() ? "" : where + " ") + "order by createdAt desc, id desc", params.toArray())
                .page(0, limit).list();
    }

    public long countMatching(Filter f) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        return where.isEmpty() ? count() : count(where, params.toArray());
    }

    private static String where(Filter f, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (f.text() != null) {
            params.add("%" + f.text().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            int n = params.size();
            clauses.add("(lower(caption) like ?" + n + " escape '\\' or lower(alt) like ?" + n + " escape '\\')");
        }
        if (f.credit() != null) {
            params.add(f.credit().toLowerCase(java.util.Locale.ROOT));
            clauses.add("lower(credit) = ?" + params.size());
        }
        if (f.source() != null) {
            params.add(f.source().toLowerCase(java.util.Locale.ROOT));
            clauses.add("lower(source) = ?" + params.size());
        }
        if (f.syndicated() != null) {
            params.add(f.syndicated());
            clauses.add("syndicationAllowed = ?" + params.size());
        }
        return String.join(" and ", clauses);
    }
}
