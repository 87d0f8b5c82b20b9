package news.dispatch.web;

import io.netty.util.AsciiString;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's X-Request-Id when it is a sane token, else a new UUID.
 * It is echoed as X-Request-Id and becomes the {@code instance} of any problem body.
 */
@Singleton
public class RequestIds implements FrontDoor.Step {

    public static final String HEADER = "X-Request-Id";
    private static final CharSequence HEADER_NAME = AsciiString.cached(HEADER); // its hash computed once
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean handle(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER_NAME);
        if (id == null || !SANE.matcher(id).matches()) {
            id = newId();
            ctx.request().headers().set(HEADER_NAME, id);
        }
        ctx.response().headers().set(HEADER_NAME, id);
        return false;
    }

    /**
     * A random (version 4) UUID from the thread's own generator. An id names a request in logs and
     * problem bodies and grants nothing, so it needs uniqueness, not the secure generator behind
     * {@link UUID#randomUUID()}, which all event-loop threads share.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                    // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER_NAME);
    }

    public static String instance(String requestId) {
        return requestId == null ? null : "urn:dispatch:request:" + requestId;
    }
}
