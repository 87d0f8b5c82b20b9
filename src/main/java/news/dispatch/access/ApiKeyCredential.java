package news.dispatch.access;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key as the client presented it (a bearer token, or the {@code apiKey} parameter of a feed). */
public final class ApiKeyCredential extends BaseAuthenticationRequest {

    private final String secret;

    public ApiKeyCredential(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
