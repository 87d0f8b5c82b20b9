package news.dispatch.cache;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entry still read in the last quarter of its life is computed again by one request and kept anew, while the
 * other requests are answered from it: a hot key never expires into a miss.
 */
@QuarkusTest
class RenewalTest {

    /** Past three quarters of the configured 60 s time-to-live. */
    private static final long LATER = Duration.ofSeconds(46).toNanos();

    @Inject
    ContentCache cache;

    private static Representation representation(String text) {
        return Representations.of(text.getBytes(StandardCharsets.UTF_8), "application/json", Instant.now(), 1L, null);
    }

    private static String text(Representation r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void oneRequestRenewsAnEntryInTheLastQuarterOfItsLifeWhileTheOthersAreAnswered() {
        String key = "/v1/renewal-test/" + UUID.randomUUID();
        AtomicInteger computations = new AtomicInteger();
        assertThat(text(cache.get(key, () -> representation("first " + computations.incrementAndGet())))).isEqualTo("first 1");

        // early in its life every early request is answered from it
        assertThat(cache.find(key, System.nanoTime())).isNotNull();
        assertThat(cache.find(key, System.nanoTime())).isNotNull();

        // in its last quarter: the first request takes the renewal on and is not answered early ...
        long later = System.nanoTime() + LATER;
        assertThat(cache.find(key, later)).isNull();
        // ... the others still are, from the same entry
        ContentCache.Entry old = cache.find(key, later);
        assertThat(old).isNotNull();
        assertThat(text(old.representation())).isEqualTo("first 1");
        assertThat(cache.find(key, later)).isSameAs(old);
        // the operation the renewing request reaches computes again (so does one that looks up for a redirect)
        assertThat(cache.find(cache.generation(), key)).isNull();
        assertThat(text(cache.get(key, () -> representation("second " + computations.incrementAndGet())))).isEqualTo("second 2");

        // the renewed entry starts a new life: answered early again, and its own renewal comes later
        ContentCache.Entry renewed = cache.find(key, System.nanoTime());
        assertThat(renewed).isNotSameAs(old);
        assertThat(text(renewed.representation())).isEqualTo("second 2");
        assertThat(cache.find(key, System.nanoTime() + Duration.ofSeconds(40).toNanos())).isSameAs(renewed);
        assertThat(cache.get(key, () -> representation("third"))).isSameAs(renewed.representation());
        assertThat(computations).hasValue(2);
    }

    @Test
    void aRenewalThatIsNeverComputedLeavesTheEntryServedUntilItExpires() {
        String key = "/v1/renewal-test/" + UUID.randomUUID();
        cache.get(key, () -> representation("kept"));
        long later = System.nanoTime() + LATER;
        assertThat(cache.find(key, later)).isNull(); // that request ends before its operation (refused, say)
        for (int i = 0; i < 3; i++) {
            ContentCache.Entry entry = cache.find(key, later);
            assertThat(entry).isNotNull();
            assertThat(text(entry.representation())).isEqualTo("kept");
        }
    }

    @Test
    void anInvalidatedEntryIsNotRenewedFromOldData() {
        String key = "/v1/renewal-test/" + UUID.randomUUID();
        String purgeKey = "renewal-" + UUID.randomUUID();
        cache.get(key, () -> Representations.of("old".getBytes(StandardCharsets.UTF_8), "application/json", Instant.now(), 1L,
                null, List.of(purgeKey)));
        long later = System.nanoTime() + LATER;
        assertThat(cache.find(key, later)).isNull();
        // a write touches it while the renewal is computed from data read before that write: not kept
        long before = cache.generation();
        cache.invalidate(List.of(purgeKey));
        cache.put(before, key, Representations.of("stale".getBytes(StandardCharsets.UTF_8), "application/json",
                Instant.now(), 1L, null, List.of(purgeKey)));
        assertThat(cache.find(key, System.nanoTime())).isNull();
    }
}
