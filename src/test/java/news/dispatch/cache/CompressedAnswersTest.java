package news.dispatch.cache;

import com.aayushatharva.brotli4j.decoder.Decoder;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compressed representations are made once and kept with the cached answer: a hit writes the stored gzip or
 * Brotli bytes, each coding with its own strong ETag, and every coding's ETag revalidates
 * (docs/decisions/085-compressed-representations.md).
 */
@QuarkusTest
class CompressedAnswersTest {

    /** RestAssured would ask for gzip and decode it on its own. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Inject
    Fixtures fixtures;

    @Inject
    TestKeys keys;

    @Inject
    MeterRegistry registry;

    private double early() {
        var counter = registry.find("dispatch.cache.early.answers").counter();
        return counter == null ? 0 : counter.count();
    }

    private static RequestSpecification accepting(String encoding) {
        RequestSpecification request = given().config(RAW);
        return encoding == null ? request : request.header("Accept-Encoding", encoding);
    }

    private String[] paths() {
        Section section = fixtures.section("Compressed");
        Article article = fixtures.article("Compressed answers").section(section)
                .body("<p>" + "A long paragraph of the story, told again and again. ".repeat(60) + "</p>",
                        "A long paragraph of the story, told again and again. ".repeat(60))
                .publishedAt(Instant.parse("2024-03-01T08:00:00Z")).save();
        return new String[]{"/v1/articles/" + article.slug, "/v1/sections/" + section.slug + "/articles",
                "/v1/feeds/sections/" + section.slug + ".rss", "/v1/search?q=paragraph&section=" + section.slug};
    }

    @Test
    void eachCodingIsSentWithItsOwnETagAndTheSameContent() throws Exception {
        for (String path : paths()) {
            Response identity = accepting(null).get(path);
            identity.then().statusCode(200);
            byte[] plain = identity.asByteArray();
            String tag = identity.getHeader("ETag");
            assertThat(identity.getHeader("Content-Encoding")).as(path).isNull();
            assertThat(tag).as(path).doesNotContain("+");

            Response gzip = accepting("gzip").get(path);
            gzip.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", org.hamcrest.Matchers.containsString("Accept-Encoding"));
            assertThat(gzip.getHeader("ETag")).as(path).isEqualTo(tag.substring(0, tag.length() - 1) + "+gz\"");
            assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.asByteArray())).readAllBytes()).as(path).isEqualTo(plain);

            Response brotli = accepting("gzip, deflate, br").get(path);
            brotli.then().statusCode(200).header("Content-Encoding", "br");
            assertThat(brotli.getHeader("ETag")).as(path).isEqualTo(tag.substring(0, tag.length() - 1) + "+br\"");
            assertThat(Decoder.decompress(brotli.asByteArray()).getDecompressedData()).as(path).isEqualTo(plain);
            assertThat(brotli.asByteArray().length).as(path).isLessThan(plain.length);

            accepting("br;q=0, gzip").get(path).then().header("Content-Encoding", "gzip");
            accepting("gzip;q=0").get(path).then().header("Content-Encoding", org.hamcrest.Matchers.nullValue())
                    .header("ETag", tag);
        }
    }

    @Test
    void aHitWritesTheStoredBytesEarly() {
        for (String path : paths()) {
            byte[] first = accepting("gzip").get(path).then().statusCode(200).extract().asByteArray();
            double before = early();
            byte[] second = accepting("gzip").get(path).then().statusCode(200).header("Content-Encoding", "gzip")
                    .extract().asByteArray();
            byte[] third = accepting("br").get(path).then().statusCode(200).header("Content-Encoding", "br")
                    .extract().asByteArray();
            byte[] fourth = accepting("br").get(path).then().statusCode(200).extract().asByteArray();
            assertThat(early() - before).as(path).isEqualTo(3.0);
            assertThat(second).as("the same stored gzip bytes: " + path).isEqualTo(first);
            assertThat(fourth).as(path).isEqualTo(third);
        }
    }

    @Test
    void everyCodingsETagRevalidatesWhateverTheCodingAskedFor() {
        String path = paths()[0];
        String gzipTag = accepting("gzip").get(path).getHeader("ETag");
        String brotliTag = accepting("br").get(path).getHeader("ETag");
        String identityTag = accepting(null).get(path).getHeader("ETag");
        for (String tag : new String[]{gzipTag, brotliTag, identityTag}) {
            accepting("gzip").header("If-None-Match", tag).get(path).then().statusCode(304).header("ETag", gzipTag);
            accepting(null).header("If-None-Match", tag).get(path).then().statusCode(304).header("ETag", identityTag);
            accepting("br").header("If-None-Match", tag).get(path).then().statusCode(304).header("ETag", brotliTag);
            // the REST layer (a keyed read) compares the same way
            accepting("gzip").header("Authorization", "Bearer " + keys.partner()).header("If-None-Match", tag).get(path)
                    .then().statusCode(304);
        }
        accepting("gzip").header("If-None-Match", identityTag.substring(0, identityTag.length() - 1) + "+zz\"").get(path)
                .then().statusCode(200);
    }

    @Test
    void keyedReadsAreCompressedTooAndTheirTagsServeIfMatch() {
        Article article = fixtures.article("Compressed and edited").publishedAt(Instant.parse("2024-03-02T08:00:00Z")).save();
        String path = "/v1/articles/" + article.id;
        Response read = accepting("gzip").header("Authorization", "Bearer " + keys.editor()).get(path);
        read.then().statusCode(200);
        String tag = read.getHeader("ETag");
        if (read.asByteArray().length >= 256) {
            assertThat(tag).endsWith("+gz\"");
        }
        given().header("Authorization", "Bearer " + keys.editor()).header("If-Match", tag)
                .contentType("application/merge-patch+json").body("{\"standfirst\":\"Edited with a compressed copy's tag\"}")
                .patch(path).then().statusCode(200);
    }
}
