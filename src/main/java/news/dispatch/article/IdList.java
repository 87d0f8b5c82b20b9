package news.dispatch.article;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Queries whose {@code in :ids} is written as single parameters {@code in (:id0, :id1, …)}, their number
 * rounded up to a power of two by repeating the last id. Hibernate keeps no query plan for a query
 * bound to a collection parameter: it translated such a query to SQL again at every execution, 15 % of
 * the CPU of uncached answers (docs/benchmarks.md, finding 17; decision 082). This way each query has
 * one cached plan per size class (1, 2, 4, … ids), and the SQL and its results are the same: a repeated
 * id in an {@code in} list matches nothing more.
 */
final class IdList {

    private static final String IN_IDS = " in :ids";

    private IdList() {
    }

    /** {@code hql}, which holds {@code in :ids} once, as a query with {@code ids} (not empty) bound. */
    static <T> TypedQuery<T> query(EntityManager em, String hql, Class<T> type, Collection<UUID> ids) {
        List<UUID> values = List.copyOf(ids);
        int size = paddedSize(values.size());
        TypedQuery<T> query = em.createQuery(expand(hql, size), type);
        for (int i = 0; i < size; i++) {
            query.setParameter("id" + i, values.get(Math.min(i, values.size() - 1)));
        }
        return query;
    }

    /** {@code hql} with its one {@code in :ids} written as {@code size} single parameters. */
    static String expand(String hql, int size) {
        int at = hql.indexOf(IN_IDS);
        int end = at + IN_IDS.length();
        if (at < 0 || (end < hql.length() && hql.charAt(end) != ' ') || hql.indexOf(IN_IDS, end) >= 0) {
            throw new IllegalArgumentException("the query must hold \"in :ids\" once: " + hql);
        }
        StringBuilder list = new StringBuilder(" in (");
        for (int i = 0; i < size; i++) {
            list.append(i == 0 ? ":id" : ", :id").append(i);
        }
        return hql.substring(0, at) + list.append(')') + hql.substring(end);
    }

    static int paddedSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("an in list needs at least one id");
        }
        return size == 1 ? 1 : Integer.highestOneBit(size - 1) << 1;
    }
}
