package news.dispatch.ops;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class TextWarmupTest {

    @Inject
    TextWarmup warmup;

    @Test
    void theTextWorkOfAWriteRunsOnceAfterStart() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!warmup.done() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(warmup.done()).as("warmed up after start").isTrue();
        assertThat(warmup.warm()).as("every language's text work runs without error").isTrue();
    }
}
