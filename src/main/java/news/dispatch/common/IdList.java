package news.dispatch.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lists of ids in queries written as single parameters {@code in (:id0, :id1, …)}, their number rounded
 * up to a power of two by repeating the last id. Hibernate keeps no query plan for a query bound to a
 * collection parameter: it translated such a query to SQL again at every execution, 15 % of the CPU of
 * uncached answers (docs/benchmarks.md, finding 17; decision 082). This way each query has one cached
 * plan per size class (1, 2, 4, … ids), and the SQL and its results are the same: a repeated id in an
 * {@code in} list matches nothing more. The same text serves JPQL and native SQL.
 */
public final class IdList {

    private static final String IN_IDS = " in :ids";

    private IdList() {
    }

    /** {@code hql}, which holds {@code in :ids} once, as a query with {@code ids} (not empty) bound. */
    public static <T> TypedQuery<T> query(EntityManager em, String hql, Class<T> type, Collection<UUID> ids) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<T> query = em.createQuery(expand(hql, bind("id", ids, params)), type);
        params.forEach(query::setParameter);
        return query;
    }

    /**
     * Puts {@code ids} (not empty; ids, or any other values such as slugs) into {@code params} as {@code name0}, {@code name1}, … and returns the
     * list to write after {@code in}: {@code (:name0, :name1, …)}.
     */
    public static String bind(String name, Collection<?> ids, Map<String, Object> params) {
        List<?> values = List.copyOf(ids);
        int size = paddedSize(values.size());
        StringBuilder list = new StringBuilder("(");
        for (int i = 0; i < size; i++) {
            list.append(i == 0 ? ":" : ", :").append(name).append(i);
            params.put(name + i, values.get(Math.min(i, values.size() - 1)));
        }
        return list.append(')').toString();
    }

    /** {@code hql} with its one {@code in :ids} replaced by {@code in} and {@code list}. */
    static String expand(String hql, String list) {
        int at = hql.indexOf(IN_IDS);
        int end = at + IN_IDS.length();
        if (at < 0 || (end < hql.length() && hql.charAt(end) != ' ') || hql.indexOf(IN_IDS, end) >= 0) {
            throw new IllegalArgumentException("the query must hold \"in :ids\" once: " + hql);
        }
        return hql.substring(0, at) + " in " + list + hql.substring(end);
    }

    static int paddedSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("an in list needs at least one id");
        }
        return size == 1 ? 1 : Integer.highestOneBit(size - 1) << 1;
    }
}
