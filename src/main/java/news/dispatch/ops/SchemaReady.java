package news.dispatch.ops;

/**
 * Fired (synchronously, once) when the database schema is migrated and validated: at start when the
 * database is up, or later when it comes up. Observe this rather than {@code StartupEvent} for work that
 * needs the schema (sample data, background jobs), so it also runs when the database was late.
 */
public record SchemaReady() {
}
