package news.dispatch.access;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import news.dispatch.web.StrictQueryParams;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the API key of a request for Quarkus Security (decision 165): {@code Authorization: Bearer <key>}, or, on the
 * operations that declare an {@code apiKey} query parameter (the feeds: feed readers cannot set headers), that
 * parameter. No key: the anonymous identity. A key that is malformed is an {@link InvalidApiKey}; one that is well
 * formed is checked by {@link ApiKeyIdentityProvider}.
 * <p>
 * Authentication is not proactive ({@code quarkus.http.auth.proactive=false}): this runs when the REST layer's security
 * check asks for the identity, after the operation was matched, so the query parameter is read only where the
 * matched operation takes it.
 */
@ApplicationScoped
public class ApiKeyAuthentication implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Bearer realm=\"dispatch\"";
    static final String QUERY_PARAMETER = "apiKey";
    private static final Map<Method, Boolean> TAKES_QUERY_KEY = new ConcurrentHashMap<>();
    private static final Uni<ChallengeData> CHALLENGE_DATA = Uni.createFrom()
            .item(new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, CHALLENGE));
    private static final Uni<HttpCredentialTransport> TRANSPORT = Uni.createFrom()
            .item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        String queryKey = header == null ? queryKey() : null;
        if (header == null && queryKey == null) {
            return Uni.createFrom().nullItem();
        }
        String token = queryKey != null ? queryKey.trim()
                : header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        if (token.isEmpty() || token.length() > 200) {
            return Uni.createFrom().failure(InvalidApiKey.failure(queryKey != null ? "The apiKey parameter must be an API key."
                    : "The Authorization header must be 'Bearer <key>'."));
        }
        return identities.authenticate(new ApiKeyCredential(token));
    }

    /** The {@code apiKey} parameter when the matched operation declares it, else null. */
    private static String queryKey() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null || request.getTarget() == null) {
            return null;
        }
        Method method = request.getResteasyReactiveResourceInfo().getResourceMethod();
        if (method == null || !TAKES_QUERY_KEY.computeIfAbsent(method, m -> StrictQueryParams.declared(m).contains(QUERY_PARAMETER))) {
            return null;
        }
        return request.getUriInfo().getQueryParameters().getFirst(QUERY_PARAMETER);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return CHALLENGE_DATA;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyCredential.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return TRANSPORT;
    }
}
