package news.dispatch.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Compression and HTTP/2 (docs/decisions/043-transport.md). */
@QuarkusTest
class TransportTest {

    @TestHTTPResource("/v1/articles")
    URI articles;

    @Inject
    Fixtures fixtures;

    @Inject
    news.dispatch.testsupport.TestKeys keys;

    @Test
    void compressesJsonWhenTheClientAcceptsGzip() throws Exception {
        fixtures.article("Compressed story").save();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(articles).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String json = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"items\":[");

        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(articles).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).startsWith("{\"items\":[");
        assertThat(gzipped.body().length).isLessThan(plain.body().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void speaksHttp2OverCleartextUpgrade() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
        // the first request upgrades the connection (h2c), later ones use it
        client.send(HttpRequest.newBuilder(articles).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(articles).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    @Test
    void anOversizedBodyOverHttp2GetsAProblemAnswer() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
        client.send(HttpRequest.newBuilder(articles).build(), HttpResponse.BodyHandlers.ofString()); // upgrades to h2c
        byte[] body = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        // Announced too large: refused before the body is read, without the Connection header HTTP/1 answers carry.
        for (HttpRequest.BodyPublisher publisher : java.util.List.of(HttpRequest.BodyPublishers.ofByteArray(body))) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(articles)
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + keys.editor()).POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Connection")).as("no connection header on HTTP/2").isEmpty();
            assertThat(response.body()).contains("\"status\":413");
        }
    }
}
