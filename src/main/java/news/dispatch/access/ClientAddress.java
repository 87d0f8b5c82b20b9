package news.dispatch.access;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client address of a request, which is the rate-limit bucket of a request without a key.
 * <p>
 * Behind a trusted proxy ({@code quarkus.http.proxy.proxy-address-forwarding=true}) that is the address
 * the proxy forwarded, which only the request knows. Otherwise it is the connection's peer, read from the
 * connection: the router's request wrapper would work out forwarded scheme, host and address first on every
 * request, for nothing (about 1.5 % of the CPU of an answer from the application cache). A PROXY-protocol
 * address ({@code quarkus.http.proxy.use-proxy-protocol}) is the connection's own and comes either way.
 */
@Singleton
public class ClientAddress {

    private final boolean forwarded;

    public ClientAddress(@ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
                         boolean forwarded) {
        this.forwarded = forwarded;
    }

    /** The client's address as text ({@code unknown} when the server has none, as for a Unix socket peer). */
    public String of(HttpServerRequest request) {
        SocketAddress address = forwarded ? request.remoteAddress() : request.connection().remoteAddress();
        String host = address == null ? null : address.hostAddress();
        return host == null ? "unknown" : host;
    }

    /** The rate-limit bucket of a request without a key. */
    public String bucket(HttpServerRequest request) {
        return "address:" + of(request);
    }
}
