package news.dispatch.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a presented key into a {@link SecurityIdentity} (decision 165): looked up through {@link ApiKeyService} on a
 * worker thread (the lookup reads the database; the event loop never waits for it). The identity's roles are the
 * key's role and every one before it ({@link Role#granted}); its {@link Caller} and its own rate limit are attributes.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyCredential> {

    static final String CALLER = "dispatch.caller";
    static final String RATE_LIMIT = "dispatch.rate-limit";

    private final ApiKeyService keys;

    public ApiKeyIdentityProvider(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyCredential> getRequestType() {
        return ApiKeyCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyCredential credential, AuthenticationRequestContext context) {
        return context.runBlocking(() -> keys.authenticate(credential.secret()).map(ApiKeyIdentityProvider::identity)
                .orElseThrow(() -> InvalidApiKey.failure("The API key is unknown or has been revoked.")));
    }

    static SecurityIdentity identity(ApiKeyService.Authenticated key) {
        Caller caller = key.caller();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.keyId().toString()))
                .addRoles(caller.role().granted())
                .addAttribute(CALLER, caller);
        if (key.rateLimit() != null) {
            identity.addAttribute(RATE_LIMIT, key.rateLimit());
        }
        return identity.build();
    }

    /** The caller an identity stands for: anonymous unless it was made from a key. */
    static Caller caller(SecurityIdentity identity) {
        Caller caller = identity == null ? null : identity.getAttribute(CALLER);
        return caller == null ? Caller.ANONYMOUS : caller;
    }

    /** The key's own rate limit, or null (the role's default). */
    static Integer rateLimit(SecurityIdentity identity) {
        return identity == null ? null : identity.getAttribute(RATE_LIMIT);
    }
}
