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
    void theTagOfAContentCodingMatchesTheRepresentation() {
        String gzip = ContentCoding.GZIP.etag(TAG);
        String brotli = ContentCoding.BROTLI.etag(TAG);
        assertThat(gzip).isEqualTo(TAG.substring(0, TAG.length() - 1) + "+gz\"");
        assertThat(brotli).isEqualTo(TAG.substring(0, TAG.length() - 1) + "+br\"");
        assertThat(ContentCoding.IDENTITY.etag(TAG)).isEqualTo(TAG);
        assertThat(Representations.matchesAny(gzip, TAG)).isTrue();
        assertThat(Representations.matchesAny("\"x\", W/" + brotli, TAG)).isTrue();
        assertThat(Representations.matchesAny(TAG.substring(0, TAG.length() - 1) + "+zz\"", TAG)).isFalse();
        assertThat(Representations.matchesAny(TAG.substring(0, TAG.length() - 2) + "+gz\"", TAG)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gzip|GZIP", "gzip, deflate, br|BROTLI", "br;q=1.0, gzip;q=0.8, *;q=0.1|BROTLI", "gzip;q=1, br;q=0.5|GZIP",
            "br;q=0, gzip|GZIP", "gzip;q=0, br;q=0|IDENTITY", "*|BROTLI", "*;q=0|IDENTITY", "identity|IDENTITY",
            "deflate|IDENTITY", "GZIP ; Q=0.3|GZIP", "x-gzip|GZIP", "br;q=abc, gzip|GZIP", "gzip;q=2|IDENTITY",
            "' '|IDENTITY", "br,|BROTLI"})
    void theCodingIsTheBestTheClientAccepts(String acceptEncoding, ContentCoding expected) {
        assertThat(ContentCoding.negotiate(acceptEncoding)).isEqualTo(expected);
    }

    @Test
    void codingsRoundTrip() throws Exception {
        byte[] body = "{\"headline\":\"هەڵبژاردنی پەرلەمانی کوردستان\"}".repeat(40).getBytes(StandardCharsets.UTF_8);
        byte[] gzip = ContentCoding.GZIP.encode(body);
        assertThat(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip)).readAllBytes()).isEqualTo(body);
        byte[] brotli = ContentCoding.BROTLI.encode(body);
        assertThat(com.aayushatharva.brotli4j.decoder.Decoder.decompress(brotli).getDecompressedData()).isEqualTo(body);
        assertThat(brotli.length).isLessThan(body.length / 4);
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
