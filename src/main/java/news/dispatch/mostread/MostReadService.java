package news.dispatch.mostread;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import news.dispatch.access.Rights;
import news.dispatch.article.ArticleService;
import news.dispatch.article.ArticleShape;
import news.dispatch.article.ArticleView;
import news.dispatch.web.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Counts reads and answers which articles were read most (docs/decisions/154). Counts live in Redis when it is
 * configured, else in memory; a failing Redis never fails a request: the read is counted in memory (and answers come
 * from memory) for a while, each failure adds to {@value #STORE_FAILURES}, and Redis is asked again after
 * {@code retry-after}. Nothing about a reader is stored but a salted hash of its address and the article, for a minute.
 */
@ApplicationScoped
public class MostReadService {

    public static final String STORE_FAILURES = "dispatch.most.read.store.failures";
    public static final String BEACONS = "dispatch.most.read.beacons";
    /** The most articles one answer lists. */
    public static final int MAX_LIMIT = 50;

    /** What a beacon needs of an article: that it is published, its section and language. */
    record Meta(String section, String language) {
    }

    private final ArticleService articles;
    private final Clock clock;
    private final LocalReads local;
    private final RedisReads shared;
    private final byte[] salt;
    private final long retryAfterNanos;
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile long askAgainAt;
    private final Counter failures;
    private final Counter counted;
    private final Counter ignored;
    /** Published articles' section and language (absent: not a published article), for a minute. */
    private final Cache<UUID, Optional<Meta>> meta = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    public MostReadService(ArticleService articles, Clock clock, MostReadConfig config, Instance<Redis> redis, MeterRegistry registry) {
        this.articles = articles;
        this.clock = clock;
        this.local = new LocalReads(config.repeatWindow(), clock);
        this.shared = config.redisUrl().filter(u -> !u.isBlank()).isPresent()
                ? new RedisReads(redis.get(), config.keyPrefix(), config.timeout(), config.repeatWindow()) : null;
        this.salt = config.salt().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        this.retryAfterNanos = config.retryAfter().toNanos();
        this.failures = Counter.builder(STORE_FAILURES)
                .description("Calls to the shared most-read store (Redis) that failed or timed out; the read was counted, "
                        + "or the answer made, by this instance alone").register(registry);
        this.counted = Counter.builder(BEACONS).tag("counted", "true")
                .description("Read beacons received, counted or not (a bot, a repeat within the minute)").register(registry);
        this.ignored = Counter.builder(BEACONS).tag("counted", "false")
                .description("Read beacons received, counted or not (a bot, a repeat within the minute)").register(registry);
    }

    /** Where the counts are now: memory, redis or redis-failing. */
    public String store() {
        return shared == null ? "memory" : failing.get() ? "redis-failing" : "redis";
    }

    /**
     * A read of a published article from a client address: counted once per address and article within the repeat
     * window, never for a bot. A 404 when the id names no published article. Answers whether it counted.
     */
    public boolean read(String articleId, String address, boolean bot) {
        UUID id = news.dispatch.common.Ids.parse(articleId).orElseThrow(() -> ProblemException.notFound("article", articleId));
        Meta m = meta.get(id, this::lookUp).orElseThrow(() -> ProblemException.notFound("article", articleId));
        if (bot) {
            ignored.increment();
            return false;
        }
        List<Dimension> dimensions = new ArrayList<>(3);
        dimensions.add(Dimension.ALL);
        if (m.section() != null) {
            dimensions.add(Dimension.section(m.section()));
        }
        if (m.language() != null) {
            dimensions.add(Dimension.language(m.language()));
        }
        String repeat = repeatKey(address, id);
        Instant now = Instant.now(clock);
        boolean done = withStore(store -> store.count(repeat, id, dimensions, now));
        (done ? counted : ignored).increment();
        return done;
    }

    /** An answer of most-read: the articles, most read first, with their counts. */
    public record Ranked(ArticleView article, long reads) {
    }

    /**
     * The most-read published articles of a window the current caller may see (rights applied), in a section and
     * language or all: the store's top candidates, then their summaries in two statements.
     */
    public List<Ranked> top(Window window, String section, String language, int limit, ArticleShape shape) {
        Dimension dimension = section != null ? Dimension.section(section)
                : language != null ? Dimension.language(language) : Dimension.ALL;
        // with both, the section's counts are filtered by language: ask for more candidates
        int candidates = section != null && language != null ? Math.max(200, 4 * limit) : 2 * limit;
        Instant now = Instant.now(clock);
        List<ReadStore.Count> top = withStore(store -> store.top(window, dimension, candidates, now));
        if (top.isEmpty()) {
            return List.of();
        }
        Map<UUID, ArticleView> visible = articles.visibleById(top.stream().map(ReadStore.Count::article).toList(), shape,
                Rights.Channel.READ);
        List<Ranked> ranked = new ArrayList<>();
        for (ReadStore.Count c : top) {
            ArticleView v = visible.get(c.article());
            if (v != null && (language == null || language.equalsIgnoreCase(v.summary().language()))) {
                ranked.add(new Ranked(v, c.reads()));
                if (ranked.size() == limit) {
                    break;
                }
            }
        }
        return ranked;
    }

    private Optional<Meta> lookUp(UUID id) {
        Map<UUID, ArticleView> found = articles.visibleById(List.of(id), new ArticleShape(null, Set.of()), Rights.Channel.READ);
        ArticleView v = found.get(id);
        return v == null ? Optional.empty() : Optional.of(new Meta(
                v.summary().section() == null ? null : v.summary().section().slug(), v.summary().language()));
    }

    /** Redis when configured and not failing, else memory; a Redis failure falls back to memory for this call. */
    private <T> T withStore(Function<ReadStore, T> call) {
        if (shared == null || (failing.get() && System.nanoTime() - askAgainAt < 0)) {
            return call.apply(local);
        }
        try {
            T result = call.apply(shared);
            if (failing.compareAndSet(true, false)) {
                Log.info("Most read: Redis answers again; reads are counted there again");
            }
            return result;
        } catch (RuntimeException e) {
            failures.increment();
            askAgainAt = System.nanoTime() + retryAfterNanos;
            if (failing.compareAndSet(false, true)) {
                Log.warnf("Most read: Redis failed (%s); reads are counted in memory until it answers again",
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            return call.apply(local);
        }
    }

    /** A salted hash of the address and the article: nothing that names a reader is kept, only this, for a minute. */
    private String repeatKey(String address, UUID article) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update((address + "|" + article).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
