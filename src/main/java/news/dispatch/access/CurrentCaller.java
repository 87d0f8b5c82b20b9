package news.dispatch.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import news.dispatch.web.CallerIdentity;

/**
 * The caller of the current request: the {@link Caller} of its {@link SecurityIdentity}, which the access filter hands
 * over once Quarkus Security established it (decision 165); anonymous until then and outside HTTP requests.
 */
@RequestScoped
public class CurrentCaller implements CallerIdentity {

    private Caller caller = Caller.ANONYMOUS;

    public Caller get() {
        return caller;
    }

    /** The request's identity, once authenticated. */
    public void set(SecurityIdentity identity) {
        this.caller = ApiKeyIdentityProvider.caller(identity);
    }

    @Override
    public boolean identified() {
        return caller.role() != Role.ANONYMOUS;
    }
}
