package news.dispatch.ops;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.access.RateLimitMetrics;
import news.dispatch.access.Role;
import news.dispatch.article.Article;
import news.dispatch.testsupport.Fixtures;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class OperationsTest {
    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;


    @Inject
    Fixtures fixtures;

    @Inject
    RateLimitMetrics metrics;

    private Article article() {
        return fixtures.article("Operations story").publishedAt(Instant.parse("2024-05-01T12:00:00Z")).save();
    }

    @Nested
    class Health {

        @Test
        void liveAndReadyWithDatabaseAndSchemaChecks() {
            given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
            given().when().get(ready).then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'Database schema' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'Database schema' }.data.state", equalTo("ready"))
                    .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                    // no Redis configured: each instance counts alone, and no Redis check of the extension's
                    .body("checks.find { it.name == 'Rate-limit counters' }.data.store", equalTo("memory"))
                    .body("checks.findAll { it.name.toLowerCase().contains('redis') }", org.hamcrest.Matchers.empty());
        }

        @Test
        void healthAndMetricsAreOnTheManagementPortOnly() {
            assertThat(live.getPort()).isNotEqualTo(io.restassured.RestAssured.port);
            for (String path : List.of("/q/health", "/q/health/live", "/q/metrics")) {
                given().when().get(path).then().statusCode(404).contentType("application/problem+json");
            }
            given().accept("text/plain").when().get(metricsUrl).then().statusCode(200);
            given().when().get("/q/openapi").then().statusCode(200).header("RateLimit-Limit", org.hamcrest.Matchers.notNullValue());
        }

        @Test
        void thePublicPortAnswersReadinessWithTheStatusAlone() {
            // For edges and load balancers that probe the port they send traffic to (decision 094).
            for (int i = 0; i < 3; i++) {
                given().when().get("/q/health/ready").then().statusCode(200)
                        .contentType("application/json")
                        .header("Cache-Control", "no-store")
                        .header("RateLimit-Limit", org.hamcrest.Matchers.nullValue())
                        .header("X-Content-Type-Options", "nosniff")
                        .body("status", equalTo("UP"))
                        .body("checks", org.hamcrest.Matchers.nullValue());
            }
            given().when().head("/q/health/ready").then().statusCode(200);
            given().when().post("/q/health/ready").then().statusCode(anyOf(is(404), is(405)))
                    .contentType("application/problem+json");
        }
    }

    @Nested
    class Metrics {

        @Test
        void httpRequestsAreCountedPerRouteTemplateWithLatencyBuckets() throws Exception {
            Article article = article();
            given().when().get("/v1/articles/" + article.slug).then().statusCode(200);
            given().when().get("/v1/articles/" + article.slug + "-missing").then().statusCode(404);
            given().when().get("/no/such/path/" + article.slug).then().statusCode(404);
            given().when().put("/v1/articles").then().statusCode(405);
            given().when().options("/v1/articles/" + article.slug + "-options").then().statusCode(200);
            given().when().request("FOO", "/v1/articles/" + article.slug).then().statusCode(anyOf(is(405), is(501)));
            given().when().get(ready).then().statusCode(200);
            assertThat(RawHttp.send(io.restassured.RestAssured.port, "GET", "/v1/articles/" + article.slug + "%ZZ", Map.of(), null)
                    .status()).isEqualTo(400);

            String scrape = given().accept("text/plain").when().get(metricsUrl).then().statusCode(200)
                    .contentType(startsWith("text/plain")).extract().asString();
            assertThat(value(scrape, "http_server_requests_seconds_count",
                    Map.of("method", "GET", "status", "200", "uri", "/v1/articles/{slug}"))).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "http_server_requests_seconds_bucket",
                    Map.of("method", "GET", "status", "200", "uri", "/v1/articles/{slug}", "le", "0.1"))).isNotNull();
            assertThat(value(scrape, "http_server_requests_seconds_count",
                    Map.of("method", "GET", "status", "404", "uri", "/v1/articles/{slug}"))).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "http_server_requests_seconds_count",
                    Map.of("method", "PUT", "status", "405", "uri", "/UNMATCHED")))
                    .as(scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList().toString())
                    .isNotNull().isGreaterThanOrEqualTo(1);
            assertThat(scrape).as("raw URLs never become series").doesNotContain(article.slug);
            assertThat(value(scrape, "http_server_requests_seconds_count", Map.of("method", "OTHER", "uri", "/UNMATCHED")))
                    .as("a method outside the standard ones is counted as OTHER").isNotNull().isGreaterThanOrEqualTo(1);
            assertThat(scrape).as("nor do made-up methods").doesNotContain("method=\"FOO\"");
            assertThat(scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")))
                    .as("/q/ paths are not measured").noneMatch(l -> l.contains("uri=\"/q/"));
            assertThat(scrape).contains("http_server_active_requests");
        }

        @Test
        void databasePoolAndRateLimitRejectionsAreExposed() {
            String before = given().accept("text/plain").when().get(metricsUrl).then().statusCode(200).extract().asString();
            assertThat(before).contains("agroal_active_count", "agroal_available_count", "agroal_awaiting_count",
                    "agroal_max_used_count");
            Double partner = value(before, "dispatch_rate_limit_rejections_total", Map.of("role", "partner"));
            assertThat(partner).isNotNull();

            metrics.rateLimitRejected(Role.PARTNER);

            String after = given().accept("text/plain").when().get(metricsUrl).then().statusCode(200).extract().asString();
            assertThat(value(after, "dispatch_rate_limit_rejections_total", Map.of("role", "partner"))).isEqualTo(partner + 1);
        }
    }

    @Nested
    class Logs {

        @Test
        void oneAccessLinePerRequestWithRouteStatusDurationAndRequestIdButNoQuery() throws Exception {
            Article article = article();
            List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
            ExtHandler capture = new ExtHandler() {
                @Override
                protected void doPublish(ExtLogRecord record) {
                    record.copyMdc();
                    records.add(record);
                }
            };
            Logger logger = Logger.getLogger(AccessLog.CATEGORY);
            java.util.logging.Level level = logger.getLevel();
            logger.setLevel(Level.INFO);
            logger.addHandler(capture);
            try {
                given().header("X-Request-Id", "ops-log-1").queryParam("apiKey", "secret-key-123")
                        .when().get("/v1/articles/" + article.slug).then().statusCode(400);
                given().header("X-Request-Id", "ops-log-2").when().get("/v1/articles/" + article.slug).then().statusCode(200);
                given().when().get(ready).then().statusCode(200);
                long deadline = System.currentTimeMillis() + 5000;
                while (records.stream().filter(r -> r.getMdc("requestId") != null
                        && r.getMdc("requestId").startsWith("ops-log-")).count() < 2 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                logger.removeHandler(capture);
                logger.setLevel(level);
            }
            ExtLogRecord ok = records.stream().filter(r -> "ops-log-2".equals(r.getMdc("requestId"))).findFirst().orElseThrow();
            assertThat(ok.getMdc("method")).isEqualTo("GET");
            assertThat(ok.getMdc("route")).isEqualTo("/v1/articles/{slug}");
            assertThat(ok.getMdc("status")).isEqualTo("200");
            assertThat(Double.parseDouble(ok.getMdc("durationMs"))).isGreaterThanOrEqualTo(0);
            assertThat(ok.getFormattedMessage()).isEqualTo("GET /v1/articles/{slug} 200 " + ok.getMdc("durationMs") + " ms");

            ExtLogRecord rejected = records.stream().filter(r -> "ops-log-1".equals(r.getMdc("requestId"))).findFirst().orElseThrow();
            assertThat(rejected.getMdc("status")).isEqualTo("400");
            assertThat(rejected.getMdcCopy().toString() + rejected.getFormattedMessage()).doesNotContain("secret-key-123");
            assertThat(records).as("probes are not logged")
                    .noneMatch(r -> String.valueOf(r.getMdc("path")).startsWith("/q/health"));
        }
    }

    @Nested
    class SecurityHeaders {

        @Test
        void everyResponseCarriesThem() {
            for (String path : List.of("/v1/sections", "/v1/sections/no-such-section", "/no/such/path", "/q/openapi",
                    "/v1/sections?limit=0")) {
                given().when().get(path).then()
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Referrer-Policy", "no-referrer")
                        .header("X-Frame-Options", "DENY")
                        .header("Content-Security-Policy", startsWith("default-src 'none'; frame-ancestors 'none'"))
                        .header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue()); // only with DISPATCH_HSTS
            }
        }

        @Test
        void htmlPagesGetTheirOwnRestrictivePolicy() {
            var page = given().when().get("/q/swagger-ui/").then().statusCode(200)
                    .contentType(startsWith("text/html"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", startsWith("default-src 'none'; script-src 'self'"))
                    .extract();
            // one policy only: the two header filters' paths exclude each other (two would be combined by the browser)
            assertThat(page.headers().getValues("Content-Security-Policy")).hasSize(1);
            assertThat(given().when().get("/v1/sections").then().extract().headers().getValues("Content-Security-Policy"))
                    .hasSize(1);
        }
    }

    @Nested
    class CorsByDefault {

        @Test
        void anyOriginWithoutCredentialsAndWithoutVaryOnOrigin() {
            given().header("Origin", "https://anyone.example").when().get("/v1/sections").then().statusCode(200)
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Allow-Credentials", org.hamcrest.Matchers.nullValue())
                    .header("Vary", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Origin")));
            given().header("Origin", "https://anyone.example").header("Access-Control-Request-Method", "DELETE")
                    .when().options("/v1/sections").then().statusCode(204)
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("DELETE"));
        }
    }

    @Nested
    class Limits {

        @Test
        void oversizedBodyIs413ProblemJson() {
            given().contentType("application/json").body("{\"a\":\"" + "x".repeat(1_100_000) + "\"}")
                    .when().post("/v1/articles").then().statusCode(413)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:dispatch:problem:payload-too-large"))
                    .body("instance", startsWith("urn:dispatch:request:"));
        }

        @Test
        void oversizedHeadersAreRefusedByTheCodec() {
            given().header("X-Padding", "p".repeat(20_000)).when().get("/v1/sections").then().statusCode(431);
        }
    }

    /** The value of one Prometheus sample whose labels include the given ones, or null. */
    static Double value(String scrape, String name, Map<String, String> labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{(.*)})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            if (labels.entrySet().stream().allMatch(e -> found.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return null;
    }
}
