package news.dispatch.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Registers the configured admin key at start, so a fresh installation can be administered. */
@ApplicationScoped
public class AdminKeyBootstrap {

    static final int MIN_LENGTH = 32;

    void onStart(@Observes StartupEvent event, AccessConfig config, ApiKeyService keys) {
        config.adminKey().ifPresent(secret -> {
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalStateException("dispatch.access.admin-key (DISPATCH_ADMIN_KEY) must have at least "
                        + MIN_LENGTH + " characters");
            }
            keys.ensureAdminKey(secret);
        });
    }
}
