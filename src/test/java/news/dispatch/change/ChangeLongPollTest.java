package news.dispatch.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.testsupport.ContentChanges;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** `GET /v1/changes?wait=` holds a request until a change the caller may see commits (decision 163). */
@QuarkusTest
class ChangeLongPollTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Fixtures fixtures;
    @Inject
    ContentChanges changes;
    @Inject
    ChangeFeed feed;
    @Inject
    ChangeWaiters waiters;
    @Inject
    TestKeys keys;

    @TestHTTPResource("/")
    URL base;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    CompletableFuture<HttpResponse<String>> poll(String since, int wait, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "v1/changes?since=" + since + "&wait=" + wait))
                .timeout(Duration.ofSeconds(wait + 30));
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String head() {
        return ChangeFeed.cursor(feed.head());
    }

    /** Waits until at least this many requests wait (a bounded loop). */
    void awaitWaiting(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (waiters.waiting() < count && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(waiters.waiting()).isGreaterThanOrEqualTo(count);
    }

    static List<String> ids(HttpResponse<String> response) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    @Test
    void answersWhenAChangeCommits() throws Exception {
        String since = head();
        var pending = poll(since, 30, null);
        awaitWaiting(1);
        assertThat(pending).isNotDone();
        Article a = changes.create(fixtures.article("Long-polled " + Fixtures.unique("a")));
        HttpResponse<String> response = pending.get(15, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ids(response)).contains(a.id.toString());
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
    }

    @Test
    void answersAnEmptyPageWhenTheTimeIsUp() throws Exception {
        String since = head();
        long started = System.nanoTime();
        HttpResponse<String> response = poll(since, 1, keys.partner(false, List.of(
                fixtures.section("Quiet " + Fixtures.unique("s")).slug), List.of())).get(20, TimeUnit.SECONDS);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(900));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(response.body());
        assertThat(page.path("items")).isEmpty();
        assertThat(page.path("next").asText()).isNotEmpty();
    }

    @Test
    void aChangeTheCallerMayNotSeeDoesNotEndTheWait() throws Exception {
        Section mine = fixtures.section("Polled mine " + Fixtures.unique("s"));
        Section other = fixtures.section("Polled other " + Fixtures.unique("s"));
        String secret = keys.partner(false, List.of(mine.slug), List.of());
        var pending = poll(head(), 30, secret);
        awaitWaiting(1);
        changes.create(fixtures.article("Not for this partner").section(other));
        Thread.sleep(500);
        assertThat(pending).isNotDone();
        Article visible = changes.create(fixtures.article("For this partner").section(mine));
        HttpResponse<String> response = pending.get(15, TimeUnit.SECONDS);
        assertThat(ids(response)).containsExactly(visible.id.toString());
    }

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    /**
     * PostgreSQL only: a change another instance committed reaches this one as a notification (decision 087), which
     * wakes the waiters here. The entry is written by plain JDBC, which this instance's Hibernate does not see.
     */
    @Test
    void aChangeCommittedByAnotherInstanceWakesTheWait() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(news.dispatch.testsupport.Databases.postgres());
        Article a = fixtures.article("Written elsewhere " + Fixtures.unique("a")).save();
        var pending = poll(head(), 30, null);
        awaitWaiting(1);
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long seq;
            try (var counter = connection.prepareStatement(
                    "update change_counter set last_seq = last_seq + 1 where id = 1 returning last_seq");
                 var rows = counter.executeQuery()) {
                rows.next();
                seq = rows.getLong(1);
            }
            try (var insert = connection.prepareStatement("insert into change_event (seq, type, article_id, slug, at, live,"
                    + " tag_ids, syndication_allowed) values (?, 'publish', ?, ?, now(), true, '', true)")) {
                insert.setLong(1, seq);
                insert.setObject(2, a.id);
                insert.setString(3, a.slug);
                insert.executeUpdate();
            }
            try (var notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, news.dispatch.cache.PurgeBroadcast.CHANNEL);
                notify.setString(2, "{\"i\":\"another-instance\",\"k\":[\"changes\",\"articles\"]}");
                notify.executeQuery().close();
            }
            connection.commit();
        }
        HttpResponse<String> response = pending.get(15, TimeUnit.SECONDS);
        assertThat(ids(response)).containsExactly(a.id.toString());
    }

    @Test
    void badWaitsAre400s() {
        for (String wait : List.of("61", "-1", "x", "05", "1.5")) {
            given().queryParam("wait", wait).get("/v1/changes").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("wait"));
        }
    }

    @Test
    void hundredsOfClientsWaitWithoutHoldingThreadsOrConnections() throws Exception {
        int clients = 300;
        String since = head();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            pending.add(poll(since, 45, null));
        }
        awaitWaiting(clients);
        // with every client waiting, the worker threads and the database pool are free: other requests answer at once
        long started = System.nanoTime();
        given().queryParam("limit", 1).get("/v1/articles").then().statusCode(200);
        Article a = changes.create(fixtures.article("Seen by everyone " + Fixtures.unique("a")));
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(10));
        for (var response : pending) {
            HttpResponse<String> r = response.get(30, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(ids(r)).contains(a.id.toString());
        }
        assertThat(waiters.waiting()).isZero();
    }
}
