package news.dispatch.ops;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics pattern that files a path with a broken %-escape under {@code /UNMATCHED} (the router
 * rejects such a path before a route is known) matches exactly the paths that hold a '%' not followed
 * by two hex digits: checked against the plain definition on random paths.
 */
class UnmatchedPatternTest {

    private static Pattern configured() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = UnmatchedPatternTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String value = properties.getProperty("quarkus.micrometer.binder.http-server.match-patterns");
        assertThat(value).endsWith("=/UNMATCHED");
        return Pattern.compile(value.substring(0, value.length() - "=/UNMATCHED".length()));
    }

    private static boolean brokenEscape(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '%' && (i + 2 >= path.length() || !hex(path.charAt(i + 1)) || !hex(path.charAt(i + 2)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    @Test
    void matchesExactlyThePathsWithABrokenEscape() throws Exception {
        Pattern pattern = configured();
        String alphabet = "/%aF09gZ-_.~";
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder path = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String p = path.toString();
            assertThat(pattern.matcher(p).matches()).as("'%s'", p).isEqualTo(brokenEscape(p));
        }
    }

    @Test
    void readsTypicalPaths() throws Exception {
        Pattern pattern = configured();
        assertThat(pattern.matcher("/v1/articles/some-slug").matches()).isFalse();
        assertThat(pattern.matcher("/v1/search%20x").matches()).isFalse();
        assertThat(pattern.matcher("/v1/articles/%zz").matches()).isTrue();
        assertThat(pattern.matcher("/v1/articles/%41%4").matches()).isTrue();
        assertThat(pattern.matcher("/v1/%").matches()).isTrue();
    }
}
