package news.dispatch.cache;

/**
 * CDI event a write fires (inside its transaction) when it changed anything readers can see and did
 * so without going through Hibernate entities (bulk JPQL/SQL updates, the change-feed entries a
 * taxonomy edit inserts by SQL). {@link ContentCache} drops its cached responses once the transaction commits.
 * Entity writes need not fire it: {@link ContentWriteInterceptor} notices them by itself.
 */
public record ContentChanged(String reason) {
}
