package news.dispatch.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the served OpenAPI document and sends every operation malformed, oversized, wrongly typed,
 * missing and unexpected path segments, query parameters, headers, bodies and methods, as every
 * caller in {@link #callers()}. No answer may be a 5xx, and every error must be problem+json whose
 * {@code instance} is the request id echoed in X-Request-Id. The only exceptions are the replies the
 * HTTP codec itself gives before any route runs (request line or headers over 64 KB, an unparseable
 * request line): those carry no request id and must be 400, 414 or 431. Requests below the operations
 * (no Host, HTTP/1.0, raw query characters, chunked bodies over the limit) have their own test.
 */
@QuarkusTest
class ApiFuzzTest {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "FOO");
    private static final Set<Integer> CODEC_STATUSES = Set.of(400, 414, 431);
    private static final Duration BUDGET = Duration.ofMinutes(6);

    /** Query parameter values, already in request-target form (some deliberately malformed). */
    private static final List<String> BAD_VALUES = List.of(
            "", "abc", "-1", "0", "1.5", "99999999999999999999", "1e309", "true", "null", "%00", "%ZZ", "%E2%82",
            "%F0%9F%92%A9", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201%3D1--", "..%2F..%2Fetc%2Fpasswd",
            "2024-13-45T99:99:99Z", "a,b,,c%7C%7C", "NOT_A_VALUE", "A".repeat(3000), "%2C%7C%2C", "%0D%0AX-Injected:%201");

    /** Path parameter values, likewise. */
    private static final List<String> BAD_SEGMENTS = List.of(
            "no-such-thing", "NO-SUCH-THING", "%00", "%ZZ", "%", "%C0%AF", "..", "%2e%2e%2f%2e%2e", "%2F", "a%20b",
            "%F0%9F%92%A9", "01890a5d-ac96-774b-bcce-b302099a8057", "not-a-uuid-0000", "-1", "99999999999999999999",
            "x".repeat(4000), "x".repeat(9000), "%3Cscript%3E", "'%3B%20drop%20table%20article%3B--", "a;b=c");

    private static final List<Map<String, String>> BAD_HEADERS = List.of(
            Map.of("Accept", "application/xml"), Map.of("Accept", "text/html"), Map.of("Accept", "*/*;q=x"),
            Map.of("Accept", "application/json;q=0"), Map.of("Accept", "garbage/"), Map.of("Accept", ""),
            Map.of("If-None-Match", "garbage"), Map.of("If-None-Match", "W/"), Map.of("If-None-Match", "*"),
            Map.of("If-None-Match", "\""), Map.of("If-Modified-Since", "yesterday"),
            Map.of("If-Modified-Since", "Thu, 99 Foo 9999 99:99:99 GMT"), Map.of("If-Match", "x"),
            Map.of("Authorization", "Bearer"), Map.of("Authorization", "Bearer "), Map.of("Authorization", "Bearer not-a-key"),
            Map.of("Authorization", "Basic Zm9vOmJhcg=="), Map.of("Authorization", "Bearer " + "k".repeat(5000)),
            Map.of("X-Request-Id", "<script>"), Map.of("X-Request-Id", "r".repeat(500)),
            Map.of("Content-Type", "application/json; charset=nope"), Map.of("Accept-Encoding", "gzip;q=garbage, br, zstd"),
            Map.of("Accept-Language", "??"), Map.of("Origin", "https://evil.example"), Map.of("Origin", "null"),
            Map.of("Range", "bytes=9-1"), Map.of("X-Forwarded-For", "not-an-ip"), Map.of("Forwarded", "for=\"[bad\""),
            Map.of("X-Padding", "p".repeat(10_000)), Map.of("X-Padding", "p".repeat(20_000)));

    private static final List<byte[]> BAD_BODIES = List.of(
            new byte[0], bytes("{"), bytes("[]"), bytes("null"), bytes("{\"unexpected\":true}"), bytes("\"x\""),
            bytes("123"), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, bytes("[".repeat(5000) + "]".repeat(5000)),
            bytes("{\"a\":\"" + "x".repeat(1_500_000) + "\"}"));

    private static final List<String> BODY_TYPES = List.of("application/json", "text/plain", "application/xml",
            "application/merge-patch+json", "multipart/form-data; boundary=x");

    /** One way of calling the API. */
    record FuzzCaller(String role, Map<String, String> headers) {
    }

    private record Case(String caller, String method, String target, Map<String, String> headers, byte[] body, String what) {
    }

    @Inject
    Fixtures fixtures;

    @Inject
    news.dispatch.testsupport.TestKeys keys;

    @TestHTTPResource("/")
    URL base;

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Everyone the fuzz calls as: the one place to extend when API keys exist — add an entry per role
     * with its {@code Authorization: Bearer <key>} header (made here through the access fixtures).
     */
    List<FuzzCaller> callers() {
        // Anonymous reaches every public read and the 401s; an editor key reaches every write with bad bodies.
        return List.of(new FuzzCaller("anonymous", Map.of()),
                new FuzzCaller("editor", Map.of("Authorization", "Bearer " + keys.editor())));
    }

    @Test
    void noOperationAnswers5xxAndEveryErrorIsProblemJson() throws Exception {
        JsonNode openapi = json.readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asByteArray());
        Map<String, String> existing = existingSlugs();

        List<Case> cases = new ArrayList<>();
        for (FuzzCaller caller : callers()) {
            for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                cases.addAll(casesFor(caller, path.getKey(), path.getValue(), existing));
            }
        }
        assertThat(cases).as("operations found in /q/openapi").hasSizeGreaterThan(100);

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        Instant deadline = Instant.now().plus(BUDGET);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (Case c : cases) {
            futures.add(pool.submit(() -> {
                if (Instant.now().isBefore(deadline)) {
                    check(c, failures);
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).as("failures (%d of %d requests)", failures.size(), done.get())
                .isEmpty();
        assertThat(done.get()).as("requests sent within %s", BUDGET).isEqualTo(cases.size());
    }

    private List<Case> casesFor(FuzzCaller caller, String template, JsonNode operations, Map<String, String> existing) {
        List<Case> cases = new ArrayList<>();
        String who = caller.role();
        Map<String, String> auth = caller.headers();
        String nominalPath = template.replaceAll("\\{[^}]+}", existing.getOrDefault(feature(template), "fuzz"));
        for (Iterator<Map.Entry<String, JsonNode>> ops = operations.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
            if (!METHODS.contains(method)) {
                continue;
            }
            List<JsonNode> params = new ArrayList<>();
            operations.path("parameters").forEach(params::add);
            op.getValue().path("parameters").forEach(params::add);

            cases.add(new Case(who, method, nominalPath, auth, null, "nominal"));
            // Path parameters: garbage in each one.
            for (JsonNode p : params) {
                if ("path".equals(p.path("in").asText())) {
                    for (String bad : BAD_SEGMENTS) {
                        String target = template.replace("{" + p.path("name").asText() + "}", bad)
                                .replaceAll("\\{[^}]+}", existing.getOrDefault(feature(template), "fuzz"));
                        cases.add(new Case(who, method, target, auth, null, "path " + p.path("name").asText()));
                    }
                }
            }
            // Query parameters: each one wrong, all wrong at once, repeated, unknown ones, broken syntax.
            List<String> query = new ArrayList<>();
            for (JsonNode p : params) {
                if ("query".equals(p.path("in").asText())) {
                    query.add(p.path("name").asText());
                }
            }
            for (String name : query) {
                for (String bad : BAD_VALUES) {
                    cases.add(new Case(who, method, nominalPath + "?" + name + "=" + bad, auth, null, "query " + name));
                }
                cases.add(new Case(who, method, nominalPath + "?" + name + "=1&" + name + "=2", auth, null, "repeated " + name));
                cases.add(new Case(who, method, nominalPath + "?" + name, auth, null, "valueless " + name));
            }
            if (!query.isEmpty()) {
                StringBuilder all = new StringBuilder();
                for (String name : query) {
                    all.append(all.length() == 0 ? "?" : "&").append(name).append("=%ZZ-").append("9".repeat(30));
                }
                cases.add(new Case(who, method, nominalPath + all, auth, null, "all query parameters wrong"));
            }
            for (String junk : List.of("?unexpected=1", "?", "?&&&", "?=x", "?a[b]=c", "?%ZZ=1", "?limit=1;drop")) {
                cases.add(new Case(who, method, nominalPath + junk, auth, null, "unexpected query"));
            }
            // Headers.
            for (Map<String, String> headers : BAD_HEADERS) {
                Map<String, String> all = new LinkedHashMap<>(auth);
                all.putAll(headers);
                cases.add(new Case(who, method, nominalPath, all, null, "header " + headers.keySet()));
            }
            // Bodies: the operation's own media types when it takes a body, else a body it does not expect.
            List<String> types = new ArrayList<>();
            op.getValue().path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
            if (types.isEmpty()) {
                types.add("application/json");
            }
            types.addAll(BODY_TYPES);
            for (String type : types.stream().distinct().toList()) {
                for (byte[] body : BAD_BODIES) {
                    Map<String, String> headers = new LinkedHashMap<>(auth);
                    headers.put("Content-Type", type);
                    cases.add(new Case(who, method, nominalPath, headers, body, "body " + type + " (" + body.length + " bytes)"));
                }
            }
        }
        // Methods the path does not declare.
        for (String method : METHODS) {
            if (!operations.has(method.toLowerCase(java.util.Locale.ROOT))) {
                cases.add(new Case(who, method, nominalPath, auth, null, "undeclared method"));
                cases.add(new Case(who, method, nominalPath, Map.of("Content-Type", "application/json"), bytes("{}"),
                        "undeclared method with body"));
            }
        }
        return cases;
    }

    /**
     * Requests real clients send that never reach an operation's parameters: HTTP/1.0 without Host, HTTP/1.1
     * without or with a malformed Host, characters left unencoded in the query, oversized chunked bodies. Every
     * operation of the document gets each; none may be a 5xx, and every error is problem+json.
     */
    @Test
    void lowLevelRequestsAreServedOrRefusedAsProblems() throws Exception {
        JsonNode openapi = json.readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asByteArray());
        Map<String, String> existing = existingSlugs();
        String editor = "Authorization: Bearer " + keys.editor();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String target = path.getKey().replaceAll("\\{[^}]+}", existing.getOrDefault(feature(path.getKey()), "fuzz"));
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(java.util.Locale.ROOT);
                if (!METHODS.contains(method)) {
                    continue;
                }
                List<RawCase> raw = new ArrayList<>(List.of(
                        new RawCase("HTTP/1.0 without Host", method + " " + target + " HTTP/1.0", List.of(), false),
                        new RawCase("HTTP/1.0 keyed without Host", method + " " + target + " HTTP/1.0", List.of(editor), false),
                        new RawCase("HTTP/1.1 without Host", method + " " + target + " HTTP/1.1", List.of(), true),
                        new RawCase("malformed Host", method + " " + target + "?apiKey=dk_x HTTP/1.1", List.of("Host: a b:c"), true),
                        new RawCase("raw query characters", method + " " + target + "?tag=a|b,c[0]{1}^&q=\"x\" HTTP/1.1",
                                List.of("Host: x"), false),
                        new RawCase("raw < in query", method + " " + target + "?q=<x> HTTP/1.1", List.of("Host: x"), true)));
                for (RawCase c : raw) {
                    String label = "raw " + c.requestLine() + " [" + c.what() + "]";
                    try {
                        RawHttp.Reply reply = RawHttp.sendRaw(base.getPort(), c.requestLine(), c.headers().toArray(String[]::new));
                        if (c.refused() && reply.status() != 400) {
                            failures.add(label + ": " + reply.status() + " instead of 400");
                        }
                        checkReply(label, method, reply, failures);
                    } catch (Exception e) {
                        failures.add(label + ": no response (" + e + ")");
                    }
                    sent++;
                }
                if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)) {
                    String label = "raw " + method + " " + target + " [chunked body over the limit]";
                    try {
                        RawHttp.Reply reply = RawHttp.sendRaw(base.getPort(), oversizedChunked(method, target, keys.editor()), false);
                        if (reply.status() != 413 && reply.status() != 401 && reply.status() != 403 && reply.status() != 405) {
                            failures.add(label + ": " + reply.status() + " instead of 413");
                        }
                        checkReply(label, method, reply, failures);
                    } catch (Exception e) {
                        failures.add(label + ": no response (" + e + ")");
                    }
                    sent++;
                }
            }
        }
        assertThat(sent).isGreaterThan(200);
        assertThat(failures).as("failures (%d of %d requests)", failures.size(), sent).isEmpty();
    }

    private record RawCase(String what, String requestLine, List<String> headers, boolean refused) {
    }

    /** A chunked JSON body of 1.3 MB, over the 1 MB limit, with no Content-Length to refuse it by. */
    private static byte[] oversizedChunked(String method, String target, String editorKey) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + editorKey
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("9\r\n{\"name\":\"\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = "x".repeat(65_000).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20; i++) {
            out.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(chunk);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private void check(Case c, ConcurrentLinkedQueue<String> failures) {
        String label = c.caller() + " " + c.method() + " " + abbreviate(c.target()) + " [" + c.what() + "]";
        RawHttp.Reply reply;
        try {
            reply = RawHttp.send(base.getPort(), c.method(), c.target(), c.headers(), c.body());
        } catch (Exception e) {
            failures.add(label + ": no response (" + e + ")");
            return;
        }
        checkReply(label, c.method(), reply, failures);
    }

    private void checkReply(String label, String method, RawHttp.Reply reply, ConcurrentLinkedQueue<String> failures) {
        if (reply.status() >= 500) {
            failures.add(label + ": " + reply.status() + " " + abbreviate(reply.text()));
            return;
        }
        if (reply.status() < 400) {
            return;
        }
        String requestId = reply.header("X-Request-Id");
        if (requestId == null) {
            if (!CODEC_STATUSES.contains(reply.status())) {
                failures.add(label + ": " + reply.status() + " without X-Request-Id");
            }
            return;
        }
        String type = reply.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            failures.add(label + ": " + reply.status() + " as " + type + ": " + abbreviate(reply.text()));
            return;
        }
        if ("HEAD".equals(method)) {
            return;
        }
        try {
            JsonNode problem = json.readTree(reply.body());
            if (problem.path("status").asInt() != reply.status()
                    || !problem.path("type").asText().startsWith("urn:dispatch:problem:")
                    || problem.path("title").asText().isEmpty()
                    || !problem.path("instance").asText().equals("urn:dispatch:request:" + requestId)) {
                failures.add(label + ": problem body does not match: " + abbreviate(reply.text()));
            }
        } catch (Exception e) {
            failures.add(label + ": problem body is not JSON: " + abbreviate(reply.text()));
        }
    }

    private Map<String, String> existingSlugs() {
        Section section = fixtures.section("Fuzz");
        Tag tag = fixtures.tag("Fuzz", TagType.TOPIC);
        Byline byline = fixtures.byline("Fuzz Writer", BylineKind.PERSON);
        Article article = fixtures.article("Fuzzed story").section(section).tags(tag)
                .byline(byline, news.dispatch.article.BylineRole.AUTHOR).publishedAt(Instant.parse("2024-02-01T08:00:00Z")).save();
        return Map.of("articles", article.slug, "sections", section.slug, "tags", tag.slug, "bylines", byline.slug);
    }

    /** "/v1/articles/{slug}/related" → "articles". */
    private static String feature(String template) {
        String[] parts = template.split("/");
        return parts.length > 2 ? parts[2] : "";
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…(" + s.length() + ")";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
