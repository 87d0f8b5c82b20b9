package news.dispatch.cache;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;
import news.dispatch.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests for a response that is being computed wait for that computation instead of computing it again
 * (docs/benchmarks.md finding 15): one computation for many requests, its failure shared and not kept.
 */
@QuarkusTest
class CoalescedComputationTest {

    private static final int REQUESTS = 8;

    @Inject
    ContentCache cache;

    private static Representation representation(String text) {
        return Representations.of(text.getBytes(StandardCharsets.UTF_8), "application/json", Instant.now(), 1L, null);
    }

    /**
     * The first request's computation starts and waits; the others ask for the same key meanwhile, then it finishes.
     * Returns what each request got, or the exception it ended with.
     */
    private List<Object> concurrently(String key, AtomicInteger computations, Supplier<Representation> finish) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Representation> compute = () -> {
            computations.incrementAndGet();
            started.countDown();
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return finish.get();
        };
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            List<Future<Representation>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> cache.get(key, compute)));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i < REQUESTS; i++) {
                answers.add(pool.submit(() -> cache.get(key, compute)));
            }
            Thread.sleep(200); // the others are waiting (or would be computing) by now
            release.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Representation> answer : answers) {
                try {
                    results.add(answer.get(10, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    results.add(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRequestsForOneKeyShareOneComputation() throws Exception {
        String key = "/v1/coalesced/" + UUID.randomUUID() + "?";
        AtomicInteger computations = new AtomicInteger();
        Representation computed = representation("{\"once\":true}");

        List<Object> results = concurrently(key, computations, () -> computed);

        assertThat(computations).hasValue(1);
        assertThat(results).hasSize(REQUESTS).allSatisfy(r -> assertThat(r).isSameAs(computed));
        // and it is kept: a later request computes nothing
        assertThat(cache.get(key, () -> representation("{\"again\":true}"))).isSameAs(computed);
    }

    @Test
    void aFailedComputationFailsEveryWaitingRequestAndIsNotKept() throws Exception {
        String key = "/v1/coalesced/" + UUID.randomUUID() + "?";
        AtomicInteger computations = new AtomicInteger();

        List<Object> results = concurrently(key, computations, () -> {
            throw ProblemException.invalid("q", "failed on purpose");
        });

        assertThat(computations).hasValue(1);
        assertThat(results).hasSize(REQUESTS).allSatisfy(r -> assertThat(r).isInstanceOf(ProblemException.class));
        Representation later = representation("{\"later\":true}");
        assertThat(cache.get(key, () -> later)).isSameAs(later);
    }

    @Test
    void differentKeysAreComputedSideBySide() throws Exception {
        String first = "/v1/coalesced/" + UUID.randomUUID() + "?";
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Representation> slow = pool.submit(() -> cache.get(first, () -> {
                inFirst.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return representation("{\"first\":true}");
            }));
            assertThat(inFirst.await(10, TimeUnit.SECONDS)).isTrue();
            Representation other = representation("{\"other\":true}");
            // answered while the first key is still being computed
            assertThat(cache.get("/v1/coalesced/" + UUID.randomUUID() + "?", () -> other)).isSameAs(other);
            release.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo("{\"first\":true}".getBytes(StandardCharsets.UTF_8));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aComputationAskingForItsOwnKeyDoesNotWaitForItself() {
        String key = "/v1/coalesced/" + UUID.randomUUID() + "?";
        Representation inner = representation("{\"inner\":true}");
        Representation outer = cache.get(key, () -> {
            assertThat(cache.get(key, () -> inner)).isSameAs(inner);
            return representation("{\"outer\":true}");
        });
        assertThat(outer.body()).isEqualTo("{\"outer\":true}".getBytes(StandardCharsets.UTF_8));
    }
}
