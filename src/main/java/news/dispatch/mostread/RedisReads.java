package news.dispatch.mostread;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads counted in Redis sorted sets, one per window bucket and dimension ({@code <prefix><5m|1h>:<bucket>:<dimension>},
 * members article ids, scores reads), shared by every instance. A beacon is one script, one round trip: it sets the
 * repeat key ({@code <prefix>seen:<hash>}, expiring after the repeat window) only if absent, and only then adds the
 * read to each set and renews its expiry. A most-read answer is one script too: the union of the window's buckets,
 * its top members, and the temporary union dropped.
 */
final class RedisReads implements ReadStore {

    /** KEYS[1] the repeat key, KEYS[2..] the sets; ARGV[1] the member, ARGV[2] the repeat window (s), ARGV[3..] each set's expiry (s). */
    static final String COUNT = """
            if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
              return 0
            end
            for i = 2, #KEYS do
              redis.call('ZINCRBY', KEYS[i], 1, ARGV[1])
              redis.call('EXPIRE', KEYS[i], ARGV[i + 1])
            end
            return 1
            """;
    /** KEYS[1] a temporary key, KEYS[2..] the buckets; ARGV[1] how many. */
    static final String TOP = """
            redis.call('ZUNIONSTORE', KEYS[1], #KEYS - 1, unpack(KEYS, 2))
            local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
            redis.call('DEL', KEYS[1])
            return top
            """;

    private final Redis redis;
    private final String prefix;
    private final Duration timeout;
    private final long repeatSeconds;

    RedisReads(Redis redis, String prefix, Duration timeout, Duration repeatWindow) {
        this.redis = redis;
        this.prefix = prefix;
        this.timeout = timeout;
        this.repeatSeconds = Math.max(1, repeatWindow.toSeconds());
    }

    @Override
    public boolean count(String repeat, UUID article, List<Dimension> dimensions, Instant now) {
        List<String> keys = new ArrayList<>();
        List<String> expiries = new ArrayList<>();
        keys.add(prefix + "seen:" + repeat);
        for (Window window : Window.values()) {
            long bucket = window.bucketOf(now);
            for (Dimension d : dimensions) {
                keys.add(key(window, bucket, d));
                expiries.add(Long.toString(window.keep().toSeconds()));
            }
        }
        Request request = Request.cmd(Command.EVAL).arg(COUNT).arg(keys.size());
        keys.forEach(request::arg);
        request.arg(article.toString()).arg(repeatSeconds);
        expiries.forEach(request::arg);
        return send(request).toLong() == 1;
    }

    @Override
    public List<Count> top(Window window, Dimension dimension, int limit, Instant now) {
        List<Long> buckets = window.bucketsAt(now);
        Request request = Request.cmd(Command.EVAL).arg(TOP).arg(buckets.size() + 1)
                .arg(prefix + "tmp:" + UUID.randomUUID());
        buckets.forEach(b -> request.arg(key(window, b, dimension)));
        request.arg(limit);
        Response answer = send(request);
        List<Count> top = new ArrayList<>();
        for (int i = 0; i + 1 < answer.size(); i += 2) {
            top.add(new Count(UUID.fromString(answer.get(i).toString()), Math.round(answer.get(i + 1).toDouble())));
        }
        return top;
    }

    private Response send(Request request) {
        return redis.send(request).ifNoItem().after(timeout).fail().await().indefinitely();
    }

    private String key(Window window, long bucket, Dimension d) {
        return prefix + window.id() + ":" + bucket + ":" + d.name();
    }
}
