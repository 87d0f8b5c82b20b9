package news.dispatch.cache;

import java.util.Set;

/**
 * CDI event a write fires (inside its transaction) when it changed anything readers can see and did
 * so without going through Hibernate entities (bulk JPQL/SQL updates, the change-feed entries a
 * taxonomy edit inserts by SQL). Once the transaction commits, {@link ContentCache} drops the cached responses
 * that show one of its purge keys, or every one when it names none.
 * Entity writes need not fire it: {@link ContentWriteInterceptor} notices them by itself.
 *
 * @param keys the purge keys the write touched, or null for everything
 */
public record ContentChanged(String reason, Set<String> keys) {

    /** A write that may have changed anything. */
    public ContentChanged(String reason) {
        this(reason, null);
    }
}
