package news.dispatch.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** ETag and conditional request rules (RFC 9110 8.8.3, 13.1.2, 13.1.3). */
class RepresentationsTest {

    private static final String TAG = Representations.etag(null, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    private static final Instant MODIFIED = Instant.parse("2021-07-10T09:30:00Z");

    @Test
    void etagIsAStrongQuotedHashOfTheBytes() {
        assertThat(TAG).matches("\"[A-Za-z0-9_-]{27}\"");
        assertThat(Representations.etag(null, "{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isEqualTo(TAG);
        assertThat(Representations.etag(null, "{\"a\":2}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(TAG);
    }

    @Test
    void etagOfAVersionedResourceStartsWithTheVersion() {
        String tag = Representations.etag(7L, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(tag).matches("\"7\\.[A-Za-z0-9_-]{27}\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s", "W/%s", "\"other\", %s", "\"other\",W/%s", "  %s  ", "*", ",, %s ,", "\"a\",\t%s\t", "\"a\", * "})
    void ifNoneMatchUsesWeakComparison(String header) {
        assertThat(Representations.matchesAny(header.formatted(TAG), TAG)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"other\"", "W/\"other\"", "", "\"\"", "other", ",", "W/", "**", "W/*"})
    void ifNoneMatchWithOtherTagsDoesNotMatch(String header) {
        assertThat(Representations.matchesAny(header, TAG)).isFalse();
    }

    @Test
    void aWeakStoredTagMatchesItsStrongFormAndNoPartOfIt() {
        assertThat(Representations.matchesAny(TAG, "W/" + TAG)).isTrue();
        assertThat(Representations.matchesAny("W/" + TAG, "W/" + TAG)).isTrue();
        assertThat(Representations.matchesAny(TAG.substring(0, TAG.length() - 1), TAG)).isFalse();
        assertThat(Representations.matchesAny(TAG + "x", TAG)).isFalse();
        assertThat(Representations.matchesAny("x" + TAG, TAG)).isFalse();
    }

    @Test
    void unquotedSameValueDoesNotMatch() {
        assertThat(Representations.matchesAny(TAG.substring(1, TAG.length() - 1), TAG)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sat, 10 Jul 2021 09:30:00 GMT|true",
            "Sat, 10 Jul 2021 10:00:00 GMT|true",
            "Sat, 10 Jul 2021 09:29:59 GMT|false",
            "not a date|false",
            "2021-07-10T09:30:00Z|false"})
    void ifModifiedSinceComparesWithLastModified(String since, boolean notModified) {
        assertThat(Representations.notModified(null, since, TAG, MODIFIED)).isEqualTo(notModified);
    }

    @Test
    void ifModifiedSinceIsIgnoredWithoutLastModified() {
        assertThat(Representations.notModified(null, "Sat, 10 Jul 2021 09:30:00 GMT", TAG, null)).isFalse();
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        assertThat(Representations.notModified("\"other\"", "Sat, 10 Jul 2021 10:00:00 GMT", TAG, MODIFIED)).isFalse();
        assertThat(Representations.notModified(TAG, "Sat, 10 Jul 2021 09:00:00 GMT", TAG, MODIFIED)).isTrue();
    }

    @Test
    void withoutConditionsTheResponseIsFull() {
        assertThat(Representations.notModified(null, null, TAG, MODIFIED)).isFalse();
    }
}
