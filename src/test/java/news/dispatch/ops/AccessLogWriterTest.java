package news.dispatch.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The production access-log writer: whole JSON lines, in batches no larger than a pipe keeps whole, nothing lost. */
class AccessLogWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Records each write call separately. */
    static final class Writes extends OutputStream {
        final List<byte[]> calls = new ArrayList<>();
        private final ByteArrayOutputStream all = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            byte[] copy = new byte[len];
            System.arraycopy(b, off, copy, 0, len);
            calls.add(copy);
            all.write(b, off, len);
        }

        synchronized List<String> lines() {
            String text = all.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
        }

        synchronized List<byte[]> calls() {
            return new ArrayList<>(calls);
        }
    }

    private static AccessLogWriter.Line line(int i, String path) {
        return new AccessLogWriter.Line(Instant.parse("2026-12-02T10:00:00.123456789Z"), "vert.x-eventloop-thread-1", 42,
                "GET /v1/articles/{slug} 200 0.4 ms", "r-" + i, "GET", "/v1/articles/{slug}", path, "200", "0.4");
    }

    @Test
    void writesEveryLineAsOneJsonObjectInTheShapeOfTheOtherLogLines() throws Exception {
        Writes out = new Writes();
        Map<String, Object> trailer = new LinkedHashMap<>();
        trailer.put("processId", 4242L);
        trailer.put("service", "dispatch");
        AccessLogWriter writer = new AccessLogWriter(out, 16, Duration.ofMillis(5), trailer);
        writer.write(line(1, "/v1/articles/a \"quoted\" path\\ with ünïcode\u2028"));
        writer.close();

        assertThat(out.lines()).hasSize(1);
        assertThat(out.lines().get(0)).startsWith("{").endsWith("}");
        // one object and nothing after it
        JsonNode node = JSON.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(out.lines().get(0));
        assertThat(node.get("timestamp").asText()).isEqualTo("2026-12-02T10:00:00.123456789Z");
        assertThat(node.get("level").asText()).isEqualTo("INFO");
        assertThat(node.get("loggerName").asText()).isEqualTo("dispatch.access");
        assertThat(node.get("message").asText()).isEqualTo("GET /v1/articles/{slug} 200 0.4 ms");
        assertThat(node.get("threadName").asText()).isEqualTo("vert.x-eventloop-thread-1");
        assertThat(node.get("mdc").get("path").asText()).isEqualTo("/v1/articles/a \"quoted\" path\\ with ünïcode\u2028");
        assertThat(node.get("mdc").get("requestId").asText()).isEqualTo("r-1");
        assertThat(node.get("mdc").get("durationMs").asText()).isEqualTo("0.4");
        assertThat(node.get("processId").isNumber()).isTrue();
        assertThat(node.get("processId").asLong()).isEqualTo(4242L);
        assertThat(node.get("service").asText()).isEqualTo("dispatch");
        assertThat(node.get("mdc").get("method").asText()).isEqualTo("GET");
        assertThat(node.get("mdc").get("route").asText()).isEqualTo("/v1/articles/{slug}");
        assertThat(node.get("mdc").get("status").asText()).isEqualTo("200");
        assertThat(node.size()).isEqualTo(9);
    }

    @Test
    void aLineThatCannotBeWrittenIsLeftOutAndTheNextOnesAreWhole() throws Exception {
        Writes out = new Writes();
        Map<String, Object> trailer = Map.of("service", "dispatch");
        AccessLogWriter writer = new AccessLogWriter(out, 16, Duration.ofMillis(5), trailer);
        writer.write(line(1, "/v1/a"));
        // no time: fails half-way through the line, after its first field
        writer.write(new AccessLogWriter.Line(null, "t", 1, "m", "r-2", "GET", "-", "/v1/b", "200", "0.1"));
        writer.write(line(3, "/v1/c"));
        writer.close();

        List<String> lines = out.lines();
        assertThat(lines).hasSize(2);
        for (String text : lines) {
            JsonNode node = JSON.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(text);
            assertThat(node.get("service").asText()).isEqualTo("dispatch");
        }
        assertThat(JSON.readTree(lines.get(0)).get("mdc").get("requestId").asText()).isEqualTo("r-1");
        assertThat(JSON.readTree(lines.get(1)).get("mdc").get("requestId").asText()).isEqualTo("r-3");
    }

    @Test
    void repeatedValuesAreWrittenExactlyAlsoBeyondTheOnesKeptEncoded() throws Exception {
        Writes out = new Writes();
        AccessLogWriter writer = new AccessLogWriter(out, 10_000, Duration.ofMillis(5), Map.of());
        int n = AccessLogWriter.ENCODED_VALUES + 100; // every value new: the last ones are written as they come
        for (int i = 0; i < n; i++) {
            writer.write(new AccessLogWriter.Line(Instant.parse("2026-12-02T10:00:00Z"), "thread \"" + i + "\"\\ ü\u2028",
                    i, "m", "r-" + i, i % 2 == 0 ? "GET" : "PATCH", "/v1/{x}/" + i + "\"", "/p", String.valueOf(100 + i), "0.1"));
        }
        writer.write(new AccessLogWriter.Line(Instant.parse("2026-12-02T10:00:00Z"), null, 7, null, null, null, null, null,
                null, null));
        String longMethod = "X\"".repeat(AccessLogWriter.ENCODED_LENGTH);
        writer.write(new AccessLogWriter.Line(Instant.parse("2026-12-02T10:00:00Z"), "t", 8, "m", "r", longMethod, "-", "/",
                "200", "0.1"));
        writer.close();

        List<String> lines = out.lines();
        assertThat(lines).hasSize(n + 2);
        assertThat(JSON.readTree(lines.get(n + 1)).get("mdc").get("method").asText()).isEqualTo(longMethod);
        for (int i = 0; i < n; i++) {
            JsonNode node = JSON.readTree(lines.get(i));
            assertThat(node.get("threadName").asText()).isEqualTo("thread \"" + i + "\"\\ ü\u2028");
            assertThat(node.get("mdc").get("method").asText()).isEqualTo(i % 2 == 0 ? "GET" : "PATCH");
            assertThat(node.get("mdc").get("route").asText()).isEqualTo("/v1/{x}/" + i + "\"");
            assertThat(node.get("mdc").get("status").asText()).isEqualTo(String.valueOf(100 + i));
        }
        JsonNode empty = JSON.readTree(lines.get(n));
        assertThat(empty.get("threadName").isNull()).isTrue();
        assertThat(empty.get("mdc").get("route").isNull()).isTrue();
        assertThat(empty.get("mdc").get("path").isNull()).isTrue();
    }

    @Test
    void batchesWholeLinesIntoWritesAPipeKeepsWhole() throws Exception {
        Writes out = new Writes();
        // a long idle: the writer finds all lines queued at once, as under load
        AccessLogWriter writer = new AccessLogWriter(out, 10_000, Duration.ofMillis(200), Map.of());
        int n = 2_000;
        for (int i = 0; i < n; i++) {
            writer.write(line(i, "/v1/articles/article-number-" + i));
        }
        writer.close();

        List<String> lines = out.lines();
        assertThat(lines).hasSize(n);
        for (int i = 0; i < n; i++) {
            JsonNode node = JSON.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(lines.get(i));
            assertThat(node.get("mdc").get("requestId").asText()).isEqualTo("r-" + i);
        }
        List<byte[]> calls = out.calls();
        assertThat(calls.size()).as("write calls for %d lines", n).isLessThan(n / 5);
        for (byte[] call : calls) {
            assertThat(call.length).isLessThanOrEqualTo(AccessLogWriter.CHUNK);
            assertThat(call[call.length - 1]).as("a write ends at a line end").isEqualTo((byte) '\n');
        }
    }

    @Test
    void writesALineSoonAfterItsRequestWhenNothingElseComes() throws Exception {
        Writes out = new Writes();
        AccessLogWriter writer = new AccessLogWriter(out, 16, Duration.ofMillis(10), Map.of());
        try {
            writer.write(line(7, "/v1/sections"));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (out.lines().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(out.lines()).hasSize(1);
        } finally {
            writer.close();
        }
    }

    @Test
    void aFullQueueMakesRequestsWaitInsteadOfDroppingLines() throws Exception {
        Writes out = new Writes();
        AccessLogWriter writer = new AccessLogWriter(out, 1, Duration.ofMillis(1), Map.of());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 1000;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    writer.write(line(base + i, "/p"));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        writer.close();
        assertThat(out.lines()).hasSize(2_000);
    }

    @Test
    void linesAfterCloseAreStillWritten() throws Exception {
        Writes out = new Writes();
        AccessLogWriter writer = new AccessLogWriter(out, 16, Duration.ofMillis(5), Map.of());
        writer.close();
        writer.write(line(9, "/late"));
        assertThat(out.lines()).hasSize(1);
        assertThat(JSON.readTree(out.lines().get(0)).get("mdc").get("path").asText()).isEqualTo("/late");
    }

    @Test
    void aBrokenOutputDoesNotStopTheApplication() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("closed");
            }
        };
        java.io.PrintStream stderr = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            AccessLogWriter writer = new AccessLogWriter(broken, 16, Duration.ofMillis(5), Map.of());
            writer.write(line(1, "/a"));
            writer.close();
            writer.write(line(2, "/b")); // no exception reaches the request
        } finally {
            System.setErr(stderr);
        }
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .containsOnlyOnce("cannot write the access log")
                .contains("closed");
    }
}
