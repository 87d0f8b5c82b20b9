package news.dispatch.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Fixed-window request counters in Redis, shared by every instance that uses the same Redis
 * (docs/decisions/089-shared-rate-limits.md). One key per bucket, {@code <prefix><bucket>}, counted and given
 * its expiry by one script, so each request is one atomic round trip: the window is aligned to Redis' clock
 * (not the instances'), and the key expires when its window ends. A client address is never written into a key: its
 * bucket's key is {@code <prefix>a:} and a salted hash of it.
 */
final class SharedCounters {

    /** KEYS[1] the bucket's key, ARGV[1] the window in milliseconds; answers {used, milliseconds left in the window}. */
    static final String SCRIPT = """
            local used = redis.call('INCR', KEYS[1])
            local left = redis.call('PTTL', KEYS[1])
            if left < 0 then
              local t = redis.call('TIME')
              local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
              local window = tonumber(ARGV[1])
              left = window - (now % window)
              redis.call('PEXPIRE', KEYS[1], left)
            end
            return {used, left}
            """;
    private static final String SHA = sha1(SCRIPT);
    /** Buckets written into the key as they are (readable with redis-cli); anything else is hashed. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9:._-]{1,100}");

    /** The buckets of requests without a key ({@link ClientAddress#bucket}): hashed, salted, whatever they hold. */
    private static final String ADDRESS = "address:";

    private final Redis redis;
    private final String prefix;
    private final String windowMillis;
    private final Duration timeout;
    private final String addressSalt;

    SharedCounters(Redis redis, String prefix, long windowMillis, Duration timeout) {
        this(redis, prefix, windowMillis, timeout, "");
    }

    SharedCounters(Redis redis, String prefix, long windowMillis, Duration timeout, String addressSalt) {
        this.redis = redis;
        this.prefix = prefix;
        this.windowMillis = Long.toString(windowMillis);
        this.timeout = timeout;
        this.addressSalt = addressSalt;
    }

    /** One request counted in the bucket; fails when Redis does not answer within the timeout, or with an error. */
    Uni<RateLimiter.Outcome> take(String bucket, int limit) {
        String key = key(bucket);
        return redis.send(script(Command.EVALSHA, SHA, key))
                .onFailure(SharedCounters::noScript).recoverWithUni(() -> redis.send(script(Command.EVAL, SCRIPT, key)))
                .ifNoItem().after(timeout).fail()
                .map(response -> outcome(response, limit));
    }

    String key(String bucket) {
        if (bucket.startsWith(ADDRESS)) {
            // 128 bits of SHA-256(salt, address): the same key on every instance with the same salt, never the address
            return prefix + "a:" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(digest("SHA-256", addressSalt + "|" + bucket.substring(ADDRESS.length()))).substring(0, 22);
        }
        return prefix + (PLAIN.matcher(bucket).matches() ? bucket : "h:" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(digest("SHA-256", bucket)));
    }

    private Request script(Command command, String script, String key) {
        return Request.cmd(command).arg(script).arg(1).arg(key).arg(windowMillis);
    }

    private static RateLimiter.Outcome outcome(Response response, int limit) {
        long used = response.get(0).toLong();
        long left = response.get(1).toLong();
        return RateLimiter.Outcome.of(limit, used, Math.max(1, (left + 999) / 1000));
    }

    /** Redis forgot the script (a restart, SCRIPT FLUSH): EVAL sends it again and caches it. */
    private static boolean noScript(Throwable e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String script) {
        return HexFormat.of().formatHex(digest("SHA-1", script));
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
