package news.dispatch.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.netty.util.AsciiString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.common.ReadReplica;
import news.dispatch.ops.UnmatchedRoutes;
import news.dispatch.web.CanonicalRequest;
import news.dispatch.web.ContentCoding;
import news.dispatch.web.HeaderValues;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The application cache of public (anonymous) responses: the lists that every app start and every
 * pull-to-refresh asks for, single articles and their related posts, search results, feeds and
 * change-feed pages (decisions 042, 062, 050). A hit costs no SQL statement.
 * <p>
 * Invalidated by what changed, and correct by construction (docs/decisions/086-invalidation-by-purge-keys.md):
 * <ul>
 *   <li>Every entry carries the purge keys of what it shows: its {@code Surrogate-Key}s, which the features
 *       name ({@code article-<id>} of each article it shows, {@code section-}, {@code tag-}, {@code byline-<slug>},
 *       and the families {@code articles} (every list of articles), {@code navigation} (every single article, whose
 *       navigation and related posts depend on other articles), {@code search}, {@code feeds} and
 *       {@code changes}). A committed write invalidates the entries of the keys it touched
 *       ({@link #invalidate(Collection)}), or all of them ({@link #invalidateAll()}).</li>
 *   <li>A response computed from data older than a write is never kept after that write: every invalidation
 *       takes a number from one sequence and marks its keys with it; a response is computed under the
 *       sequence number read <em>before</em> its data, and is not stored (or is removed again) when one of its
 *       keys was marked later.</li>
 *   <li>Writes through Hibernate entities invalidate by themselves after commit ({@link ContentWriteInterceptor}):
 *       each entity names the keys its write touches ({@link Purgeable}); writes of entities marked
 *       {@link news.dispatch.common.NotContent} touch none, writes of any other entity all. Other writes fire {@link ContentChanged}.</li>
 *   <li>An entry kept with the keys of summaries it shows of other things ({@link Shown}) is not dropped when one of
 *       those changes: it is outdated, and put together again with the new summary by its next reader or by the
 *       refresher ({@link #compose}, decision 173).</li>
 *   <li>A short time-to-live ({@code dispatch.cache.ttl}) bounds staleness for anything else, such
 *       as a write made by another instance.</li>
 * </ul>
 * The cache is bounded by the memory its entries take ({@code dispatch.cache.max-megabytes}), not by
 * their number (a feed is fifty times a related-posts list), and does its upkeep on the threads that
 * use it rather than handing it to another thread (docs/decisions/067-cache-bounded-by-bytes.md).
 */
@ApplicationScoped
public class ContentCache {

    public static final String NAME = "article-lists";

    /**
     * A kept response, the route template of the operation that computed it (for metrics and the access
     * log), its public caching headers (those of a 200, and the fewer of a 304, without the ETag), its ETag in
     * each content coding, and its content type, encoded once for the early answers ({@link CachedAnswers}), so a
     * hit neither formats dates nor joins surrogate keys again; and the hashes of its purge keys, sorted, for
     * invalidation. From {@code renewAt} on (three quarters of the time-to-live after it was kept) the next early
     * request renews it (see {@link #read(String)}); {@code renewing} says a request has taken that on. {@code subject}
     * is the hash of the purge key of what the answer is about (a single article's page), or 0: when an invalidation
     * names it, the entry is computed again at once ({@link #refreshWith}); {@code asked} is when a reader last got it
     * from the cache ({@link System#nanoTime()}, to half a second), so a page read again lately is computed again too
     * when something it shows changes. {@code shown} names the summaries it shows of other things whose change does
     * not drop it but has it put together again ({@link #compose}), or is null.
     */
    public record Entry(Representation representation, String route, List<Header> headers,
                        List<Header> notModifiedHeaders, CharSequence contentType, CharSequence[] etags,
                        long[] purgeKeys, long sequence, long renewAt, AtomicBoolean renewing, long subject,
                        AtomicLong asked, Shown shown) {

        /** True once a summary it shows has changed: it is not served until put together again ({@link #compose}). */
        boolean outdated() {
            return shown != null && shown.outdated;
        }

        /** A reader asked for it now. */
        void ask(long now) {
            if (now - asked.get() > ASK_RESOLUTION_NANOS) {
                asked.set(now);
            }
        }

        /** True for the one caller that takes on renewing this entry, once it is due. */
        boolean claimRenewal(long now) {
            return now - renewAt >= 0 && !renewing.get() && renewing.compareAndSet(false, true);
        }

        /** The ETag of a content coding of the representation. */
        public CharSequence etag(ContentCoding coding) {
            return etags[coding.ordinal()];
        }

        boolean shows(long key) {
            return Arrays.binarySearch(purgeKeys, key) >= 0;
        }
    }

    /** A response header ready to send: US-ASCII values as Netty's {@link AsciiString}, which is written without re-encoding. */
    public record Header(CharSequence name, CharSequence value) {
    }

    /**
     * The summaries of other things an entry shows and can have put together again when they change (decision 173):
     * their purge keys, the keys' hashes, and for each the sequence number its summary was read under. An invalidation
     * of one of them does not drop the entry: it marks it {@code outdated}, and the next reader (or the refresher, for
     * a page read lately) has the composer put the new summaries in ({@link #compose}).
     */
    public static final class Shown {
        final String[] keys;
        final long[] hashes;
        final long[] sequences;
        volatile boolean outdated;

        Shown(String[] keys, long[] hashes, long[] sequences) {
            this.keys = keys;
            this.hashes = hashes;
            this.sequences = sequences;
        }

        boolean showsAny(long[] invalidated) {
            for (long hash : hashes) {
                if (contains(invalidated, hash)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The purge key of everything: invalidating it drops every entry; a response that names no key carries it. */
    public static final String ALL_KEY = "*";

    private final Cache<String, Entry> cache;
    /**
     * The cache's hit and miss counts, kept by {@link #lookup} rather than by Caffeine's own lookups: an outdated entry
     * is there but not served, so it counts as a miss.
     */
    private final StatsCounter stats = new ConcurrentStatsCounter();
    private final Representations representations;
    private final EdgePurge edges;
    /** The read replica, if any: told of each write before its invalidation (decision 093). */
    private final ReadReplica replica;
    /** One number per invalidation; a response remembers the number current before it read its data. */
    private final AtomicLong sequence = new AtomicLong();
    /** The sequence number of the last invalidation of everything. */
    private final AtomicLong allInvalidated = new AtomicLong();
    /** The hash of each purge key invalidated lately, with the sequence number of its last invalidation. */
    private final ConcurrentHashMap<Long, Mark> marks = new ConcurrentHashMap<>();
    /** How long after it was kept an entry is renewed by the next request for it (three quarters of the time-to-live). */
    private final long renewAfterNanos;
    /** How long an invalidation is remembered at least. */
    private final long markLifeNanos;
    /** The newest sequence number of the marks forgotten so far. */
    private final AtomicLong forgotten = new AtomicLong();
    /** Stores take the read side; an invalidation takes the write side once, between its marks and its scan. */
    private final ReentrantReadWriteLock storing = new ReentrantReadWriteLock();
    /**
     * When readers last asked for each page an invalidation handed to the refresher: the page it stores carries that
     * time on, so a page nobody reads stops being computed again within {@link #ASKED_LATELY_NANOS}.
     */
    private final ConcurrentHashMap<String, Long> askedBefore = new ConcurrentHashMap<>();
    /** The pages being computed again off the request path now, by request ({@link #refreshing}). */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> refreshing = new ConcurrentHashMap<>();
    /** The responses being computed now, by request: a second request for one waits for it (see {@link #get(String, Supplier)}). */
    private final ConcurrentHashMap<String, Computation> computing = new ConcurrentHashMap<>();

    /** An invalidation of one key: its sequence number and when it happened. */
    private record Mark(long sequence, long nanos) {
    }

    public ContentCache(CacheConfig config, Representations representations, MeterRegistry registry, EdgePurge edges,
                        Instance<ReadReplica> replica) {
        this.edges = edges;
        this.replica = replica.isResolvable() ? replica.get() : null;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(config.maxMegabytes() * 1024L * 1024L)
                .weigher((String key, Entry entry) -> weight(key, entry))
                .expireAfter(new SpreadExpiry(config.ttl()))
                .executor(Runnable::run) // upkeep on the caller: no wake-up of a pool thread every few reads
                .recordStats(() -> stats)
                .build();
        this.representations = representations;
        this.markLifeNanos = Math.max(config.ttl().toNanos(), Duration.ofSeconds(10).toNanos());
        this.compositions = new Compositions(registry);
        this.renewAfterNanos = config.ttl().toNanos() / 4 * 3;
        CaffeineCacheMetrics.monitor(registry, cache, NAME);
    }

    /**
     * Each entry lives between 80 % and 100 % of the time-to-live, at random: entries written together
     * (a warm-up, the first minute after a deploy or a write) do not all expire in the same instant and
     * get recomputed at once, in a stampede (docs/benchmarks.md, finding 14). Never longer than the
     * time-to-live, so no reader gets a response older than before.
     */
    static final class SpreadExpiry implements Expiry<Object, Object> {
        private final long ttlNanos;

        SpreadExpiry(Duration ttl) {
            this.ttlNanos = Math.max(1, ttl.toNanos());
        }

        long lifetime() {
            return ttlNanos - (long) (ThreadLocalRandom.current().nextDouble() * 0.2 * ttlNanos);
        }

        @Override
        public long expireAfterCreate(Object key, Object value, long currentTime) {
            return lifetime();
        }

        @Override
        public long expireAfterUpdate(Object key, Object value, long currentTime, long currentDuration) {
            return lifetime();
        }

        @Override
        public long expireAfterRead(Object key, Object value, long currentTime, long currentDuration) {
            return currentDuration; // reading does not extend a life
        }
    }

    /**
     * An estimate of the heap an entry holds: body, its compressed codings (made when first asked for: counted as
     * half the body, more than gzip and Brotli take of JSON together), header values (as strings and as bytes),
     * key, purge keys, objects.
     */
    static int weight(String key, Entry entry) {
        Representation r = entry.representation();
        long bytes = r.body().length + r.body().length / 2 + 2L * key.length() + 8L * entry.purgeKeys().length + 640;
        for (Header header : entry.headers()) {
            bytes += 3L * header.value().length() + 64; // the value as a string and as ASCII bytes
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /**
     * The cache key of the request being served: its canonical path and query ({@link CanonicalRequest}), never
     * anything of {@code Host} or another header (the {@code uri} of the operation is not read for it).
     */
    public static String requestKey(UriInfo uri) {
        return CanonicalRequest.current();
    }

    /**
     * The response to a request: from the cache (or computed, then cached) when it is public; always
     * computed for a keyed request, whose answer depends on the caller and is never kept.
     */
    public Representation get(UriInfo uri, boolean keyed, Supplier<Representation> compute) {
        return keyed ? compute.get() : get(requestKey(uri), compute);
    }

    /**
     * The cached response for this request key, or the computed one (then cached). Requests for a key that is being
     * computed wait for that computation and share its result or its failure, so a slow answer is computed once and not
     * once per waiting request (docs/benchmarks.md finding 15) — unless something was invalidated since that
     * computation began: it may have read what changed, so a later request computes again. A failure is not cached:
     * the next request computes again.
     */
    public Representation get(String request, Supplier<Representation> compute) {
        Entry hit = lookup(request);
        if (hit != null && !hit.renewing().get()) {
            hit.ask(System.nanoTime());
            return hit.representation();
        }
        long current = sequence.get();
        Computation mine = new Computation(Thread.currentThread(), current);
        Computation running = computing.putIfAbsent(request, mine);
        if (running != null && running.thread != Thread.currentThread() && running.sequence == current) {
            return running.await();
        }
        if (running != null) { // computed again from within its own computation, or begun before an invalidation
            Representation computed = compute.get();
            return put(current, request, computed) ? computed : unshared(computed);
        }
        try {
            Representation computed = compute.get();
            if (!put(current, request, computed)) {
                computed = unshared(computed);
            }
            mine.result.complete(computed);
            return computed;
        } catch (RuntimeException | Error e) {
            mine.result.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(request, mine);
        }
    }

    /** A computation of a response in progress, on the request thread that does it. */
    private static final class Computation {
        final Thread thread;
        final long sequence;
        final CompletableFuture<Representation> result = new CompletableFuture<>();

        Computation(Thread thread, long sequence) {
            this.thread = thread;
            this.sequence = sequence;
        }

        /** The computed response, or the computation's own exception (so that it maps to the same answer). */
        Representation await() {
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    /**
     * The cached response for this request key, for a reader, or null. With {@link #put}, for requests whose answer is
     * not always cacheable (a redirect): read {@link #generation()} first, look up, compute, and put under the number
     * read before computing. Null too for an entry being renewed ({@link #read}).
     */
    public Representation find(long generation, String request) {
        Entry entry = lookup(request);
        if (entry == null || entry.renewing().get()) {
            return null;
        }
        entry.ask(System.nanoTime());
        return entry.representation();
    }

    /**
     * The cached response for this request key, with its route, for a reader, or null — also null for the one request
     * that renews an entry in the last quarter of its life: that request goes on to its operation, whose {@link #get}
     * computes the answer again and keeps it for a new time-to-live, while the other requests are still answered from
     * the entry. A key read all the time so never expires into a miss that many requests wait for; should that request
     * end before it computes (refused, or failed), the entry expires as it would have.
     */
    public Entry read(String request) {
        return find(request, System.nanoTime());
    }

    /**
     * What is cached for this request key and would be served, or null, without counting as a reader's (for checks and
     * diagnostics).
     */
    public Entry find(String request) {
        Entry entry = cache.policy().getIfPresentQuietly(request);
        return entry == null || entry.outdated() ? null : entry;
    }

    /**
     * The entry a reader gets for this request key, or null: none, or one that shows a summary that changed since
     * ({@link Entry#outdated}), which is a miss until it is put together again. Counted as Caffeine would count its own
     * lookup; the map's {@code get} still tells the eviction policy of the read.
     */
    private Entry lookup(String request) {
        Entry entry = cache.asMap().get(request);
        if (entry == null || entry.outdated()) {
            stats.recordMisses(1);
            return null;
        }
        stats.recordHits(1);
        return entry;
    }

    Entry find(String request, long now) {
        Entry entry = lookup(request);
        if (entry == null || entry.claimRenewal(now)) {
            return null;
        }
        entry.ask(now);
        return entry;
    }

    /**
     * Keeps a response computed from data read after {@code generation} was current, with the route
     * template of the operation computing it (called on its request's thread) — unless one of its purge keys was
     * invalidated since: then it may show what changed, and is not kept (false; send it {@link #unshared}).
     */
    public boolean put(long generation, String request, Representation response) {
        return put(generation, request, response, UnmatchedRoutes.current(), null);
    }

    /**
     * An answer that {@link #put} did not keep because a write it may predate was invalidated while it was computed:
     * its own requests get it (they asked before that write was seen), but no shared cache may keep it. An edge
     * fetching it then, after the write's purge had gone out, would otherwise keep the old answer until it
     * expires (decision 088).
     */
    public static Representation unshared(Representation late) {
        return late.withCacheControl(Representations.PRIVATE_CACHE_CONTROL);
    }

    /**
     * {@link #put(long, String, Representation)} for an answer about one thing, whose purge key is {@code subject}
     * (null: none), computed for the operation of that route template (off a request, the route of the request it
     * stands for): once an invalidation names the subject, the entry is computed again at once by the refresher
     * ({@link #refreshWith}) rather than by the next request. True when it was kept.
     */
    public boolean put(long generation, String request, Representation response, String route, String subject) {
        return put(generation, request, response, route, subject, List.of());
    }

    /**
     * {@link #put(long, String, Representation, String, String)} for an answer that also shows summaries of other things
     * whose purge keys are {@code shown} (among its Surrogate-Keys): a change of one of them does not drop it, but has
     * it put together again with the new summary ({@link #compose}, decision 173).
     */
    public boolean put(long generation, String request, Representation response, String route, String subject,
                       Collection<String> shown) {
        long[] all = purgeKeys(response.surrogateKey());
        if (stale(generation, all)) {
            return false;
        }
        Shown summaries = null;
        long[] keys = all;
        if (!shown.isEmpty()) {
            String[] names = shown.toArray(String[]::new);
            long[] hashes = new long[names.length];
            for (int i = 0; i < names.length; i++) {
                hashes[i] = hash(names[i]);
            }
            long[] sequences = new long[names.length];
            Arrays.fill(sequences, generation);
            summaries = new Shown(names, hashes, sequences);
            keys = Arrays.stream(all).filter(key -> !contains(hashes, key)).toArray();
        }
        long now = System.nanoTime();
        // computed again by the refresher: when its readers last asked; else not asked for since it was computed (the
        // request that computed it does not count: most pages of a long tail are read once)
        Long asked = askedBefore.remove(request);
        Entry entry = new Entry(response, route,
                headers(header -> representations.publicHeaders(response, header)),
                headers(header -> representations.notModifiedHeaders(response, header)),
                HeaderValues.encoded(response.mediaType()), etags(response.etag()), keys, generation,
                now + renewAfterNanos, new AtomicBoolean(), subject == null ? 0 : hash(subject),
                new AtomicLong(asked == null ? now - ASKED_LATELY_NANOS : asked), summaries);
        // Checked and stored under the read side of the store lock: an invalidation marks its keys, then takes the write
        // side once (so every store under way has finished) before it looks for the entries to drop. So either it
        // finds this one, or this sees its mark and is never stored.
        storing.readLock().lock();
        try {
            if (stale(generation, all)) {
                return false;
            }
            cache.put(request, entry);
            return true;
        } finally {
            storing.readLock().unlock();
        }
    }

    /**
     * Puts together again an entry that shows a summary which changed since it was kept ({@link Entry#outdated}): the
     * composer ({@link #composeWith}) writes the new summaries into its body, and the result is kept in its place for
     * the rest of its life, under the usual rule: not when anything else it shows changed since it was computed, nor
     * a summary since the composer read it. Null when there is nothing to put together, or it could not be (the
     * request then computes the answer as on any miss). Call it off the event loop: the composer may read a summary.
     *
     * @param reader true for a reader's request (it counts as a read of the page, decision 086), false for the refresher
     */
    public Representation compose(String request, boolean reader) {
        Composer composer = this.composer;
        Entry old = composer == null ? null : cache.policy().getIfPresentQuietly(request);
        if (old == null || !old.outdated()) {
            return null;
        }
        Shown shown = old.shown;
        List<String> changed = new ArrayList<>(2);
        for (int i = 0; i < shown.keys.length; i++) {
            if (changedSince(shown.hashes[i], shown.sequences[i])) {
                changed.add(shown.keys[i]);
            }
        }
        Composed composed;
        try {
            composed = changed.isEmpty() ? null : composer.compose(old.representation(), changed);
        } catch (RuntimeException e) {
            io.quarkus.logging.Log.debugf(e, "Putting %s together again failed; it is computed instead", request);
            composed = null;
        }
        if (composed == null || composed.shows().stream().anyMatch(key -> contains(shown.hashes, hash(key)))) {
            // (a new summary that shows another of the page's summaries, as a translation say, makes that one a key
            // that drops the page: computed anew, the page is kept with the right keys)
            compositions.failed.increment();
            return null;
        }
        long[] sequences = shown.sequences.clone();
        long readAt = Long.MAX_VALUE;
        for (int i = 0; i < shown.keys.length; i++) {
            Long at = composed.readAt().get(shown.keys[i]);
            if (at != null) {
                sequences[i] = at;
                readAt = Math.min(readAt, at);
            }
        }
        Representation response = composed.representation();
        long[] all = purgeKeys(response.surrogateKey());
        long[] keys = Arrays.stream(all).filter(key -> !contains(shown.hashes, key)).toArray();
        long[] added = Arrays.stream(keys).filter(key -> Arrays.binarySearch(old.purgeKeys(), key) < 0).toArray();
        Entry entry = new Entry(response, old.route(),
                headers(header -> representations.publicHeaders(response, header)),
                headers(header -> representations.notModifiedHeaders(response, header)),
                HeaderValues.encoded(response.mediaType()), etags(response.etag()), keys, old.sequence(), old.renewAt(),
                new AtomicBoolean(), old.subject(), old.asked(), new Shown(shown.keys, shown.hashes, sequences));
        var expiry = cache.policy().expireVariably().orElseThrow();
        storing.readLock().lock();
        try {
            // what the entry showed besides the summaries, as of its computation; what the new summaries added (their
            // tags, bylines, ...) and the summaries themselves, as of when they were read
            if (stale(old.sequence(), old.purgeKeys()) || stale(Math.min(readAt, old.sequence()), added)
                    || anyChanged(shown.hashes, sequences)) {
                compositions.stale.increment();
                return null;
            }
            var left = expiry.getExpiresAfter(request);
            Entry current = cache.policy().getIfPresentQuietly(request);
            if (current != old) {
                // another request put it together (or computed it) first: its answer, unless outdated again
                return current == null || current.outdated() ? null : current.representation();
            }
            if (left.isEmpty()) {
                compositions.stale.increment();
                return null;
            }
            expiry.put(request, entry, left.get()); // for the rest of the life of the entry it replaces
        } finally {
            storing.readLock().unlock();
        }
        compositions.composed.increment();
        askedBefore.remove(request); // (kept for a computation of the page, which this made needless)
        if (reader) {
            entry.ask(System.nanoTime());
        }
        return response;
    }

    /** True when the key of this hash was invalidated after that sequence number. */
    private boolean changedSince(long hash, long sequence) {
        Mark mark = marks.get(hash);
        return mark != null && mark.sequence > sequence || allInvalidated.get() > sequence || forgotten.get() > sequence;
    }

    private boolean anyChanged(long[] hashes, long[] sequences) {
        for (int i = 0; i < hashes.length; i++) {
            if (changedSince(hashes[i], sequences[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when this purge key was invalidated after that sequence number ({@link #generation()} read before the data):
     * for a feature's own caches of the parts of answers (the composer's summaries).
     */
    public boolean changedSince(String key, long sequence) {
        return changedSince(hash(key), sequence);
    }

    /** What puts an outdated entry together again ({@link #compose}). */
    private volatile Composer composer;

    /** Sets what puts together again the entries kept with summaries of other things ({@link #put(long, String, Representation, String, String, Collection)}). */
    public void composeWith(Composer composer) {
        this.composer = composer;
    }

    /** Writes the new summaries of what changed into a kept answer. */
    public interface Composer {
        /**
         * The answer with the summaries of these purge keys as they are now, or null when it cannot be put together
         * (one of them is no longer shown, say). Must not read anything else.
         */
        Composed compose(Representation kept, List<String> changed);
    }

    /**
     * An answer put together again; for each summary put in, the sequence number ({@link #generation()}) read before
     * the data it was made from; and the purge keys of what the new summaries show besides their own.
     */
    public record Composed(Representation representation, java.util.Map<String, Long> readAt, Collection<String> shows) {
    }

    /** The outcomes of {@link #compose}, as {@code dispatch_cache_compositions_total}. */
    private final Compositions compositions;

    private static final class Compositions {
        final io.micrometer.core.instrument.Counter composed;
        final io.micrometer.core.instrument.Counter stale;
        final io.micrometer.core.instrument.Counter failed;

        Compositions(MeterRegistry registry) {
            composed = counter(registry, "composed", "put together again and kept");
            stale = counter(registry, "stale", "not kept: something it shows changed again meanwhile");
            failed = counter(registry, "failed", "could not be put together: computed as a miss instead");
        }

        private static io.micrometer.core.instrument.Counter counter(MeterRegistry registry, String outcome, String what) {
            return io.micrometer.core.instrument.Counter.builder("dispatch_cache_compositions_total")
                    .description("Cached answers put together again with the new summaries of what they show: " + what)
                    .tag("outcome", outcome).register(registry);
        }
    }

    /**
     * An answer made ready to send as the cache's entries are (headers encoded once, the ETag of each coding), for a
     * feature that keeps its own immutable answers and gives them early ({@link EarlyAnswers}); not stored here.
     */
    public Entry entry(Representation response, String route) {
        return new Entry(response, route,
                headers(header -> representations.publicHeaders(response, header)),
                headers(header -> representations.notModifiedHeaders(response, header)),
                HeaderValues.encoded(response.mediaType()), etags(response.etag()), purgeKeys(response.surrogateKey()), 0,
                Long.MAX_VALUE, new AtomicBoolean(true), 0, new AtomicLong(), null);
    }

    private boolean stale(long generation, long[] keys) {
        if (allInvalidated.get() > generation || forgotten.get() > generation) {
            return true;
        }
        for (long key : keys) {
            Mark mark = marks.get(key);
            if (mark != null && mark.sequence > generation) {
                return true;
            }
        }
        return false;
    }

    private static CharSequence[] etags(String etag) {
        ContentCoding[] codings = ContentCoding.values();
        CharSequence[] etags = new CharSequence[codings.length];
        for (ContentCoding coding : codings) {
            etags[coding.ordinal()] = HeaderValues.encoded(coding.etag(etag));
        }
        return etags;
    }

    /** The hashes of the purge keys in a Surrogate-Key value, sorted; a response that names none shows everything. */
    static long[] purgeKeys(String surrogateKey) {
        if (surrogateKey == null || surrogateKey.isBlank()) {
            return new long[]{hash(ALL_KEY)};
        }
        String[] keys = surrogateKey.trim().split(" +");
        long[] hashes = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            hashes[i] = hash(keys[i]);
        }
        Arrays.sort(hashes);
        return hashes;
    }

    /** A 64-bit hash of a purge key: two keys that collide only cost an extra invalidation. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L; // FNV-1a
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The headers a writer produces, encoded for sending. */
    private static List<Header> headers(Consumer<BiConsumer<String, String>> writer) {
        List<Header> headers = new ArrayList<>(6);
        writer.accept((name, value) -> headers.add(new Header(AsciiString.cached(name), HeaderValues.encoded(value))));
        return List.copyOf(headers);
    }

    /**
     * Drops the cached responses that show any of these purge keys, and keeps any response being computed now that
     * shows one from being stored. Call it after the write that touched them commits.
     */
    public void invalidate(Collection<String> keys) {
        invalidateAndRefresh(keys, false);
    }

    /**
     * {@link #invalidate}, completing once the refresher has stored what it computes again ({@link #refreshWith}); for
     * this instance's own write ({@code own}), also the pages of what it wrote that were not cached.
     */
    private CompletableFuture<Void> invalidateAndRefresh(Collection<String> keys, boolean own) {
        if (keys.isEmpty()) {
            return DONE;
        }
        if (keys.contains(ALL_KEY)) {
            invalidateAll();
            return DONE;
        }
        tellSources(keys);
        long at = sequence.incrementAndGet();
        long now = System.nanoTime();
        long[] hashes = new long[keys.size() + 1];
        int i = 0;
        for (String key : keys) {
            hashes[i++] = hash(key);
        }
        hashes[i] = hash(ALL_KEY); // responses that name no key show anything
        for (long hash : hashes) {
            marks.merge(hash, new Mark(at, now), (old, mark) -> old.sequence > mark.sequence ? old : mark);
        }
        awaitStores();
        // Each removal looks at the entry again under its lock: a response being stored meanwhile in place of a removed one
        // was either checked against the marks above (and not stored), or is the one found and removed here.
        var entries = cache.asMap();
        List<String> refresh = new ArrayList<>(2);
        List<String> shown = new ArrayList<>(2);
        entries.forEach((request, entry) -> {
            if (!showsAny(entry, hashes) && entry.shown != null && entry.shown.showsAny(hashes)) {
                // a summary it shows changed: put together again by its next reader, or at once if read lately
                entry.shown.outdated = true;
                long asked = entry.asked.get();
                if (now - asked < ASKED_LATELY_NANOS && shown.size() < SHOWN_REFRESHES) {
                    askedBefore.put(request, asked); // kept by the page computed instead, should it not be put together
                    shown.add(request);
                }
            } else if (showsAny(entry, hashes)) {
                int[] dropped = new int[1]; // 1: its subject changed; 2: it shows what changed and was read lately
                entries.computeIfPresent(request, (key, current) -> {
                    if (!showsAny(current, hashes)) {
                        return current;
                    }
                    if (current.subject != 0) {
                        long asked = current.asked.get();
                        if (contains(hashes, current.subject)) {
                            dropped[0] = 1; // the story itself changed
                        } else if (now - asked < ASKED_LATELY_NANOS && shown.size() < SHOWN_REFRESHES) {
                            dropped[0] = 2; // a page read lately, of a story that shows one that changed
                        }
                        if (dropped[0] != 0) {
                            askedBefore.put(key, asked);
                        }
                    }
                    return null;
                });
                if (dropped[0] == 1) {
                    refresh.add(request);
                } else if (dropped[0] == 2) {
                    shown.add(request);
                }
            }
        });
        forgetOldMarks(now);
        tell(keys);
        var refresher = this.refresher;
        return refresher == null || (refresh.isEmpty() && shown.isEmpty() && !own) ? DONE
                : refresher.refresh(refresh, shown, own ? keys : List.of());
    }

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    /** Waits for the refresh of a write's pages, at most {@link #REFRESH_WAIT_MILLIS}; never on an event loop. */
    private static void await(CompletableFuture<Void> refreshed) {
        if (refreshed.isDone() || io.vertx.core.Context.isOnEventLoopThread()) {
            return;
        }
        try {
            refreshed.get(REFRESH_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // left to the refresher, or to the page's next reader
        }
    }

    /**
     * Runs {@code work}, which computes again a request's page off the request path and stores it ({@link #put}); the
     * requests for that page that miss meanwhile wait for it ({@link #awaitRefresh}) rather than compute it too.
     */
    public void refreshing(String request, Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean mine = refreshing.putIfAbsent(request, done) == null;
        try {
            work.run();
        } finally {
            if (mine) {
                refreshing.remove(request, done);
            }
            done.complete(null);
        }
    }

    /** True while a page is being computed again off the request path ({@link #refreshing}). */
    public boolean isRefreshing(String request) {
        return refreshing.containsKey(request);
    }

    /**
     * For a request that missed: when its page is being computed again off the request path ({@link #refreshing}),
     * waits for that (at most {@value #REFRESH_WAIT_MILLIS} ms, never on an event loop) and gives what the cache holds
     * then; null when nothing was being computed, or what was computed was not kept (the request computes it itself).
     */
    public Representation awaitRefresh(String request) {
        CompletableFuture<Void> running = refreshing.get(request);
        if (running == null || io.vertx.core.Context.isOnEventLoopThread()) {
            return null;
        }
        await(running);
        Entry entry = lookup(request);
        if (entry == null) {
            return null;
        }
        entry.ask(System.nanoTime());
        return entry.representation();
    }

    /**
     * A story's page that a reader asked for within this time is computed again at once when something it shows
     * changes (another story in its related posts or navigation), not only when the story itself does (decision 086).
     */
    static final long ASKED_LATELY_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How precisely {@link Entry#asked} is kept: a hit writes it at most once in this time. */
    static final long ASK_RESOLUTION_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Pages read lately that one invalidation computes again because they show what changed, at most. */
    static final int SHOWN_REFRESHES = 32;

    /** How long the write that dropped a page waits for the page to be computed again, at most. */
    static final long REFRESH_WAIT_MILLIS = 1000;

    private static boolean contains(long[] hashes, long hash) {
        for (long h : hashes) {
            if (h == hash) {
                return true;
            }
        }
        return false;
    }

    /** Computes again, off the request path, the entries {@link #invalidate} dropped because their subject changed. */
    private volatile Refresher refresher;

    /** What computes again the pages of things that changed ({@link #refreshWith}). */
    public interface Refresher {
        /**
         * Computes again, on threads of its own, the requests an invalidation dropped because their subject changed
         * ({@code dropped}) or because they show what changed and were read lately ({@code shown}), and for this
         * instance's own write the pages of the things whose keys it {@code wrote} (empty for another instance's
         * write); completes once the dropped and written ones are stored (or given up): the shown ones are not waited for.
         */
        CompletableFuture<Void> refresh(Collection<String> dropped, Collection<String> shown, Collection<String> wrote);
    }

    /**
     * Sets what computes again the entries about one thing (those put with a subject) that an invalidation naming that
     * thing dropped, local or heard from another instance: the page of a story just edited is then back in the cache
     * before its readers ask for it (decision 086). It gets their request keys on the invalidating thread, and must
     * hand the work to a thread of its own, completing the future once it is done; what it computes is stored under
     * the usual rule ({@link #put}). After this instance's own write ({@link #written}) it is also asked for the pages
     * of what was written, cached or not, and the writing thread waits for it (at most {@value #REFRESH_WAIT_MILLIS}
     * ms), so the write's answer leaves once its story's page is served new here.
     */
    public void refreshWith(Refresher refresher) {
        this.refresher = refresher;
    }

    /**
     * Waits until every store that began before the marks were set has finished: a store that is still inside its
     * map operation cannot be seen by a scan of the map, so the scan comes after this.
     */
    private void awaitStores() {
        storing.writeLock().lock();
        storing.writeLock().unlock();
    }

    private static boolean showsAny(Entry entry, long[] hashes) {
        for (long hash : hashes) {
            if (entry.shows(hash)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks older than their life are dropped, and a computation that began before the newest of them is not
     * kept ({@link #stale}): it began longer ago than any response takes to compute.
     */
    private void forgetOldMarks(long now) {
        if (askedBefore.size() > 4096) {
            askedBefore.clear(); // pages whose refresh never stored them (gone, skipped): they start anew
        }
        if (marks.size() > 4096) {
            marks.values().removeIf(mark -> {
                if (now - mark.nanos > markLifeNanos) {
                    forgotten.accumulateAndGet(mark.sequence, Math::max);
                    return true;
                }
                return false;
            });
        }
    }

    /**
     * Listeners told of every invalidation, local or heard from another instance (decision 087), with its keys
     * ({@link #ALL_KEY} alone for everything): the change feed's long polls wake on them (decision 163).
     */
    private final List<java.util.function.Consumer<Collection<String>>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Adds a listener of invalidations; it runs on the invalidating thread and must not block. */
    public void listen(java.util.function.Consumer<Collection<String>> listener) {
        listeners.add(listener);
    }

    /**
     * Caches of the data answers are computed from (an image's details, which articles show), told of every
     * invalidation, local or from another instance, before it marks its keys: so an answer computed under a later
     * sequence number never reads from them what the invalidation was for (decision 086's guarantee).
     */
    private final List<java.util.function.Consumer<Collection<String>>> sources = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Adds a cache of data that answers are computed from: it drops what the keys name ({@link #ALL_KEY} alone for
     * everything) before any answer showing them is dropped. It runs on the invalidating thread and must not block.
     */
    public void beforeInvalidating(java.util.function.Consumer<Collection<String>> source) {
        sources.add(source);
    }

    private void tellSources(Collection<String> keys) {
        for (var source : sources) {
            try {
                source.accept(keys);
            } catch (RuntimeException e) {
                io.quarkus.logging.Log.warn("A source cache failed to drop what an invalidation touched", e);
            }
        }
    }

    private void tell(Collection<String> keys) {
        for (var listener : listeners) {
            try {
                listener.accept(keys);
            } catch (RuntimeException e) {
                io.quarkus.logging.Log.warn("An invalidation listener failed", e);
            }
        }
    }

    /** Drops every cached response. Call it after a write commits (or fire {@link ContentChanged} inside it). */
    public void invalidateAll() {
        tellSources(List.of(ALL_KEY));
        long at = sequence.incrementAndGet();
        allInvalidated.accumulateAndGet(at, Math::max);
        awaitStores();
        var entries = cache.asMap();
        entries.keySet().forEach(entries::remove); // by key, whatever is stored there by now
        marks.values().removeIf(mark -> mark.sequence <= at); // stale() compares allInvalidated first
        tell(List.of(ALL_KEY));
    }

    /** The number of the last invalidation; it moves on with every one (tests and diagnostics). */
    public long generation() {
        return sequence.get();
    }

    /**
     * After a write of this instance committed: invalidates what it touched here, and purges it at the edges
     * (decision 088). Other instances hear of it by the write's own notification (decision 087). With a read replica
     * (decision 093), the replica is told first, so no answer dropped here is computed again from a replica that
     * has not replayed the write. The edges are purged at once, and with a replica a second time once it has
     * replayed the write (or no longer serves reads): an edge may fetch the answer again from any instance, and one
     * that has not yet heard of the write may hand it the old answer in between; the second purge drops that.
     */
    public void written(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        CompletionStage<Void> replayed = replicaWritten();
        CompletableFuture<Void> refreshed = invalidateAndRefresh(keys, true);
        if (edges.enabled()) {
            edges.purge(keys);
            CompletableFuture<Void> done = replayed.toCompletableFuture();
            if (!done.isDone()) {
                List<String> purged = List.copyOf(keys);
                done.whenComplete((ignored, failure) -> edges.purge(purged));
            }
        }
        await(refreshed); // the write's answer leaves once its story's page is served new here
    }

    /**
     * After another instance's write, heard by its notification (decision 087): invalidates what it touched here, and
     * purges the same keys at the edges again once this instance no longer serves the old answers. An edge that
     * fetched an answer from this instance after the writer's first purge but before the notification arrived would
     * otherwise keep it until the writer's second purge (after the replica's replay) or until it expired (decision 088).
     */
    public void heard(Collection<String> keys) {
        invalidate(keys);
        if (edges.enabled() && !keys.isEmpty() && !keys.contains(ALL_KEY)) {
            edges.purge(keys);
        }
    }

    /** Tells the read replica (if any) that a write committed; see {@link ReadReplica#committed()}. */
    public CompletionStage<Void> replicaWritten() {
        return replica == null ? ReadReplica.NOTHING_TO_WAIT_FOR : replica.committed();
    }

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged event) {
        written(event.keys() == null ? List.of(ALL_KEY) : event.keys());
    }
}

