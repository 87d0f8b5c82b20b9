package news.dispatch.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Cached answers written together expire over a spread of time, never after the time-to-live. */
class SpreadExpiryTest {

    private static final long TTL = Duration.ofSeconds(60).toNanos();

    @Test
    void livesBetweenFourFifthsAndAllOfTheTimeToLive() {
        ContentCache.SpreadExpiry expiry = new ContentCache.SpreadExpiry(Duration.ofSeconds(60));
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        Set<Long> seconds = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            long life = expiry.expireAfterCreate("key", "value", 0);
            assertThat(life).isBetween(TTL * 8 / 10, TTL);
            shortest = Math.min(shortest, life);
            longest = Math.max(longest, life);
            seconds.add(life / 1_000_000_000L);
        }
        // spread over the whole fifth: writes made together come due across some 12 s, not at once
        assertThat(longest - shortest).isGreaterThan(TTL / 10 * 19 / 10);
        assertThat(seconds).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void aReadDoesNotExtendALifeAndARewriteStartsANewOne() {
        ContentCache.SpreadExpiry expiry = new ContentCache.SpreadExpiry(Duration.ofSeconds(60));
        assertThat(expiry.expireAfterRead("key", "value", 0, 1234)).isEqualTo(1234);
        assertThat(expiry.expireAfterUpdate("key", "value", 0, 1234)).isBetween(TTL * 8 / 10, TTL);
    }
}
