package news.dispatch.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.cache.ContentCache;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import news.dispatch.web.CanonicalRequest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches the server below the operations: Host and X-Forwarded-* never shape a cached answer, requests
 * without Host, raw characters, oversized targets, headers and chunked bodies get problem+json, the spellings
 * of one request share one cache entry, and no key reaches a log line (docs/decisions/120, 121).
 */
@QuarkusTest
class HttpHardeningTest {

    private static final Instant T = Instant.parse("2024-03-01T08:00:00Z");

    @Inject
    Fixtures fixtures;

    @Inject
    TestKeys keys;

    @Inject
    ContentCache cache;

    @TestHTTPResource("/")
    URL base;

    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentLinkedQueue<String> logged = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord e ? e.getFormattedMessage() : record.getMessage();
            StringWriter trace = new StringWriter();
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(trace));
            }
            logged.add(record.getLevel() + " " + record.getLoggerName() + " " + message + " " + trace);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    private int port() {
        return base.getPort();
    }

    private Section sectionWithThreeArticles(String name) {
        Section section = fixtures.section(name);
        for (int i = 0; i < 3; i++) {
            fixtures.article(name + " story " + i).section(section).publishedAt(T.plusSeconds(i)).save();
        }
        return section;
    }

    @Test
    void hostAndForwardedHeadersShapeNoCachedLinkOrFeed() throws Exception {
        Section section = sectionWithThreeArticles("Host poisoning");
        String path = "/v1/sections/" + section.slug + "/articles?limit=1";
        RawHttp.Reply poisoned = RawHttp.sendRaw(port(), "GET " + path + " HTTP/1.1", "Host: evil.example",
                "X-Forwarded-Host: evil2.example", "X-Forwarded-Proto: gopher", "Forwarded: host=evil3.example;proto=ftp");
        assertThat(poisoned.status()).isEqualTo(200);
        String link = poisoned.header("Link");
        assertThat(link).startsWith("</v1/sections/" + section.slug + "/articles?cursor=").endsWith("&limit=1>; rel=\"next\"")
                .doesNotContain("evil");
        assertThat(given().get(path).then().statusCode(200).extract().header("Link")).isEqualTo(link);

        for (String format : List.of("atom", "rss", "json")) {
            String feed = "/v1/feeds/sections/" + section.slug + "." + format;
            RawHttp.Reply reply = RawHttp.sendRaw(port(), "GET " + feed + " HTTP/1.1", "Host: evil.example",
                    "X-Forwarded-Host: evil2.example");
            assertThat(reply.status()).as(feed).isEqualTo(200);
            assertThat(reply.text()).as(feed).doesNotContain("evil");
            assertThat(given().get(feed).then().statusCode(200).extract().asString()).isEqualTo(reply.text());
        }
        String atom = given().get("/v1/feeds/sections/" + section.slug + ".atom").asString();
        assertThat(atom).contains("<id>urn:dispatch:feed:sections:" + section.slug + "</id>");
        JsonNode jsonFeed = json.readTree(given().get("/v1/feeds/sections/" + section.slug + ".json").asString());
        assertThat(jsonFeed.path("feed_url").asText()).isEqualTo("http://localhost:8080/v1/feeds/sections/" + section.slug + ".json");
    }

    @Test
    void createdAndMovedLocationsAreRelative() throws Exception {
        String slug = Fixtures.unique("located");
        given().header("Authorization", "Bearer " + keys.editor()).header("Host", "evil.example")
                .contentType("application/json").body("{\"name\":\"Located\",\"slug\":\"" + slug + "\"}")
                .post("/v1/sections").then().statusCode(201).header("Location", "/v1/sections/" + slug);

        Article article = fixtures.article("Moved story").publishedAt(T).save();
        String former = Fixtures.unique("former-slug");
        fixtures.formerSlug(article, former);
        RawHttp.Reply moved = RawHttp.sendRaw(port(), "GET /v1/articles/" + former + "?fields=headline HTTP/1.1",
                "Host: evil.example", "X-Forwarded-Host: evil2.example");
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.header("Location")).isEqualTo("/v1/articles/" + article.slug + "?fields=headline");
    }

    @Test
    void http10WithoutHostIsServed() throws Exception {
        Section section = sectionWithThreeArticles("Old client");
        Article article = fixtures.article("Old client single").section(section).publishedAt(T).save();
        for (String target : List.of("/v1/sections/" + section.slug + "/articles?limit=2", "/v1/articles?section=" + section.slug,
                "/v1/articles/" + article.slug, "/v1/search?q=client&section=" + section.slug, "/v1/changes?limit=1",
                "/v1/feeds/sections/" + section.slug + ".atom")) {
            for (int attempt = 0; attempt < 2; attempt++) { // computed, then from the cache
                RawHttp.Reply reply = RawHttp.sendRaw(port(), "GET " + target + " HTTP/1.0");
                assertThat(reply.status()).as(target).isEqualTo(200);
                if (reply.header("Link") != null) {
                    assertThat(reply.header("Link")).startsWith("</v1/");
                }
                // Accept-Language choosing the list's language (decision 133) needs no Host either
                RawHttp.Reply chosen = RawHttp.sendRaw(port(), "GET " + target + " HTTP/1.0", "Accept-Language: en");
                assertThat(chosen.status()).as(target + " in English").isEqualTo(200);
            }
        }
        // with characters a URI may not hold, sent raw
        RawHttp.Reply raw = RawHttp.sendRaw(port(), "GET /v1/search?q=client|old&section=" + section.slug + " HTTP/1.1",
                "Host: localhost", "Accept-Language: en");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(logged).noneMatch(line -> line.startsWith("SEVERE") || line.startsWith("ERROR"));
    }

    @Test
    void http11WithoutOrWithMalformedHostIsAProblemAndNoKeyIsLogged() throws Exception {
        String secret = "dk_" + "s3cr3t".repeat(6);
        for (String[] headers : List.of(new String[0], new String[] {"Host: a b:c:d"}, new String[] {"Host: [::1"},
                new String[] {"Host: evil.example:99999999"})) {
            RawHttp.Reply reply = RawHttp.sendRaw(port(), "GET /v1/feeds/latest.rss?apiKey=" + secret + " HTTP/1.1", headers);
            assertProblem(reply, 400);
        }
        RawHttp.Reply broken = RawHttp.sendRaw(port(), "GET /v1/feeds/latest.rss?apiKey=" + secret + "%ZZ HTTP/1.1", "Host: x");
        assertProblem(broken, 400);
        assertThat(logged).noneMatch(line -> line.contains(secret));
    }

    @Test
    void queryCharactersClientsSendUnencodedAreAccepted() throws Exception {
        Tag a = fixtures.tag("Raw pipe one", TagType.TOPIC);
        Tag b = fixtures.tag("Raw pipe two", TagType.TOPIC);
        Article first = fixtures.article("Pipe first").tags(a).publishedAt(T).save();
        Article second = fixtures.article("Pipe second").tags(b).publishedAt(T.plusSeconds(1)).save();
        RawHttp.Reply pipe = RawHttp.sendRaw(port(), "GET /v1/articles?tag=" + a.slug + "|" + b.slug + "&fields=slug HTTP/1.1", "Host: x");
        assertThat(pipe.status()).isEqualTo(200);
        assertThat(json.readTree(pipe.body()).findValuesAsText("slug")).containsExactly(second.slug, first.slug);

        for (String target : List.of("/v1/articles?tag=[x]", "/v1/articles?tag={x}^", "/v1/articles?q=\"x\"")) {
            RawHttp.Reply reply = RawHttp.sendRaw(port(), "GET " + target + " HTTP/1.1", "Host: x");
            assertThat(reply.status()).as(target).isIn(200, 400);
            if (reply.status() == 400) {
                assertProblem(reply, 400);
            }
        }
        for (String target : List.of("/v1/articles?tag=<x>", "/v1/art\\icles", "/v1/articles?tag=%", "/v1/articles#x")) {
            assertProblem(RawHttp.sendRaw(port(), "GET " + target + " HTTP/1.1", "Host: x"), 400);
        }
    }

    @Test
    void oversizedTargetsHeadersAndChunkedBodiesAreProblems() throws Exception {
        assertProblem(RawHttp.sendRaw(port(), "GET /v1/articles?tag=" + "x".repeat(9000) + " HTTP/1.1", "Host: x"), 414);
        assertProblem(RawHttp.sendRaw(port(), "GET /v1/articles HTTP/1.1", "Host: x", "X-Padding: " + "p".repeat(20_000)), 431);

        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(("POST /v1/sections HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + keys.editor()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        request.write(("9\r\n{\"name\":\"\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = "x".repeat(65_000).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20; i++) {
            request.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            request.write(chunk);
            request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        request.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertProblem(RawHttp.sendRaw(port(), request.toByteArray(), false), 413);
        assertThat(logged).noneMatch(line -> line.startsWith("SEVERE") || line.startsWith("ERROR"));

        String slug = Fixtures.unique("chunked");
        String body = "{\"name\":\"Chunked\",\"slug\":\"" + slug + "\"}";
        RawHttp.Reply created = RawHttp.sendRaw(port(), ("POST /v1/sections HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + keys.editor() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII), false);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/sections/" + slug);
    }

    @Test
    void spellingsOfOneRequestShareOneCacheEntry() throws Exception {
        Section section = sectionWithThreeArticles("Spellings");
        String path = "/v1/sections/" + section.slug + "/articles";
        // the identity tag, as the raw requests below take the answer (a gzip answer's tag ends in +gz)
        String etag = given().urlEncodingEnabled(false).get(path + "?limit=2&fields=slug,headline")
                .then().statusCode(200).extract().header("ETag").replace("+gz\"", "\"");
        assertThat(cache.find(CanonicalRequest.of(path, "fields=slug,headline&limit=2"))).isNotNull();
        for (String query : List.of("fields=slug,headline&limit=2", "fields=sl%75g%2cheadline&&limit=2&", "limit=2&fields=slug%2Cheadline")) {
            assertThat(CanonicalRequest.of(path, query)).isEqualTo(path + "?fields=slug,headline&limit=2");
            RawHttp.Reply reply = RawHttp.sendRaw(port(), "GET " + path + "?" + query + " HTTP/1.1", "Host: x");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("ETag")).isEqualTo(etag);
        }
        for (String limit : List.of("02", "+2", "0002")) {
            given().urlEncodingEnabled(false).get(path + "?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
        }
    }

    private void assertProblem(RawHttp.Reply reply, int status) throws Exception {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("X-Content-Type-Options")).as(reply.headers().toString()).isEqualTo("nosniff");
        String requestId = reply.header("X-Request-Id");
        assertThat(requestId).isNotNull();
        JsonNode problem = json.readTree(reply.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("instance").asText()).isEqualTo("urn:dispatch:request:" + requestId);
    }
}
