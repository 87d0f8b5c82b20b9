package news.dispatch.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.dispatch.ops.SchemaReady;

/** Registers the configured admin key, so a fresh installation can be administered. */
@ApplicationScoped
public class AdminKeyBootstrap {

    static final int MIN_LENGTH = 32;

    /** A key too short to be safe stops the boot at once, database or not. */
    void check(@Observes StartupEvent event, AccessConfig config) {
        config.adminKey().ifPresent(secret -> {
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalStateException("dispatch.access.admin-key (DISPATCH_ADMIN_KEY) must have at least "
                        + MIN_LENGTH + " characters");
            }
        });
    }

    /** Registered once the schema is in place (at start, or when the database comes up later). */
    void register(@Observes SchemaReady event, AccessConfig config, ApiKeyService keys) {
        config.adminKey().filter(secret -> secret.length() >= MIN_LENGTH).ifPresent(keys::ensureAdminKey);
    }
}
