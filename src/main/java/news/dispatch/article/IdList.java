package news.dispatch.article;

import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * An {@code in (…)} list of ids written as single parameters {@code (:id0, :id1, …)}, their number
 * rounded up to a power of two by repeating the last id. Hibernate keeps no query plan for a query
 * bound to a collection parameter ({@code in :ids}): it translated such a query to SQL again at every
 * execution, 15 % of the CPU of uncached answers (docs/benchmarks.md, finding 17; decision 082). This way
 * each query has one cached plan per size class (1, 2, 4, … ids), and the SQL and its results are the
 * same: a repeated id in an {@code in} list matches nothing more.
 */
final class IdList {

    private IdList() {
    }

    /** The parenthesised parameter list for {@code ids}, which must not be empty. */
    static String in(Collection<UUID> ids) {
        int size = paddedSize(ids.size());
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < size; i++) {
            sql.append(i == 0 ? ":id" : ", :id").append(i);
        }
        return sql.append(')').toString();
    }

    /** Binds {@code ids} to the parameters written by {@link #in}, padding with the last id. */
    static <Q extends Query> Q bind(Q query, Collection<UUID> ids) {
        List<UUID> values = new ArrayList<>(ids);
        int size = paddedSize(values.size());
        for (int i = 0; i < size; i++) {
            query.setParameter("id" + i, values.get(Math.min(i, values.size() - 1)));
        }
        return query;
    }

    static int paddedSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("an in list needs at least one id");
        }
        return size == 1 ? 1 : Integer.highestOneBit(size - 1) << 1;
    }
}
