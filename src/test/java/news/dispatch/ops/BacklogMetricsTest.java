package news.dispatch.ops;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.dispatch.change.ChangeFeed;
import news.dispatch.change.DueChanges;
import news.dispatch.syndication.webhook.WebhookDispatcher;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestClock;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The backlog gauges move with the work they describe, and a scrape reads them without querying. */
@QuarkusTest
class BacklogMetricsTest {
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;


    @Inject
    TestKeys keys;
    @Inject
    BacklogMetrics backlog;
    @Inject
    DueChanges due;
    @Inject
    WebhookDispatcher dispatcher;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void changeFeedPositionAndDueBacklogFollowSchedulingAndEmbargoes() {
        long before = (long) (double) gauge(read(), "dispatch_changes_position", Map.of());

        String token = Fixtures.unique("backlog");
        Instant inAnHour = TestClock.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String scheduled = create(Map.of("headline", "Scheduled " + token, "body", Map.of("html", "<p>Later.</p>"),
                "status", "scheduled", "publishAt", inAnHour.toString()));
        String embargoed = create(Map.of("headline", "Embargoed " + token, "body", Map.of("html", "<p>Not yet.</p>"),
                "status", "published", "syndication", Map.of("allowed", true, "embargoUntil", inAnHour.toString())));

        // The embargoed article's publication is the newest change-feed entry.
        String scrape = read();
        long position = (long) (double) gauge(scrape, "dispatch_changes_position", Map.of());
        assertThat(position).isGreaterThan(before);
        keys.asEditor().queryParam("since", ChangeFeed.cursor(position - 1)).get("/v1/changes").then().statusCode(200)
                .body("items[0].seq", equalTo((int) position))
                .body("items[0].id", equalTo(embargoed))
                .body("items[0].type", equalTo("publish"));
        assertThat(gauge(scrape, "dispatch_due_backlog", Map.of("kind", "scheduled-publication"))).isNotNull();

        // Two hours on, both are an hour overdue until the due-changes job handles them.
        TestClock.advance(Duration.ofHours(2));
        scrape = read();
        assertThat(gauge(scrape, "dispatch_due_backlog", Map.of("kind", "scheduled-publication"))).isGreaterThanOrEqualTo(1);
        assertThat(gauge(scrape, "dispatch_due_backlog", Map.of("kind", "embargo-lift"))).isGreaterThanOrEqualTo(1);
        assertThat(gauge(scrape, "dispatch_due_oldest_age_seconds", Map.of("kind", "scheduled-publication")))
                .isGreaterThanOrEqualTo(3590.0);
        assertThat(gauge(scrape, "dispatch_due_oldest_age_seconds", Map.of("kind", "embargo-lift")))
                .isGreaterThanOrEqualTo(3590.0);

        while (due.run() > 0) {
            // until nothing due is left
        }
        scrape = read();
        assertThat(gauge(scrape, "dispatch_due_backlog", Map.of("kind", "scheduled-publication"))).isZero();
        assertThat(gauge(scrape, "dispatch_due_backlog", Map.of("kind", "embargo-lift"))).isZero();
        assertThat(gauge(scrape, "dispatch_due_oldest_age_seconds", Map.of("kind", "scheduled-publication"))).isZero();
        assertThat(gauge(scrape, "dispatch_due_oldest_age_seconds", Map.of("kind", "embargo-lift"))).isZero();
        // The publication and the lift are two more entries.
        assertThat(gauge(scrape, "dispatch_changes_position", Map.of())).isGreaterThanOrEqualTo(position + 2.0);
        keys.asEditor().get("/v1/articles/" + scheduled).then().statusCode(200).body("status", equalTo("published"));
    }

    @Test
    void webhookBacklogGrowsWhileTheReceiverFailsAndCountsDeliveriesGivenUp() throws Exception {
        dispatcher.run(); // whatever earlier tests left due is attempted now, so only this test's work moves the gauges
        String scrape = read();
        double pending = gauge(scrape, "dispatch_webhooks_deliveries", Map.of("state", "pending"));
        double retrying = gauge(scrape, "dispatch_webhooks_deliveries", Map.of("state", "retrying"));
        double failed = gauge(scrape, "dispatch_webhooks_deliveries", Map.of("state", "failed"));

        String webhook = keys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + closedPort() + "/hooks", "eventTypes", List.of("publish"),
                        "secret", "a-shared-secret-of-some-length"))
                .post("/v1/admin/webhooks").then().statusCode(201).extract().path("id");
        try {
            create(Map.of("headline", "Hooked " + Fixtures.unique("backlog"), "body", Map.of("html", "<p>Now.</p>"),
                    "status", "published"));
            assertThat(gauge(read(), "dispatch_webhooks_queue_lag", Map.of())).isGreaterThanOrEqualTo(1);

            // Queued and tried once: the receiver refuses the connection, so the delivery waits for a retry.
            dispatcher.run();
            scrape = read();
            assertThat(gauge(scrape, "dispatch_webhooks_queue_lag", Map.of())).isZero();
            assertThat(gauge(scrape, "dispatch_webhooks_deliveries", Map.of("state", "pending"))).isGreaterThanOrEqualTo(pending + 1);
            assertThat(gauge(scrape, "dispatch_webhooks_deliveries", Map.of("state", "retrying"))).isGreaterThanOrEqualTo(retrying + 1);
            assertThat(gauge(scrape, "dispatch_webhooks_oldest_pending_age_seconds", Map.of())).isGreaterThanOrEqualTo(0);
            keys.asAdmin().get("/v1/admin/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                    .body("items[0].status", equalTo("pending"))
                    .body("items[0].attempts", equalTo(1))
                    .body("items[0].error", equalTo("connection refused"));

            // Retried until the attempts are used up (8 in all), an hour apart: then it counts as failed.
            for (int i = 0; i < 7; i++) {
                TestClock.advance(Duration.ofHours(1));
                dispatcher.run();
            }
            scrape = read();
            assertThat(gauge(scrape, "dispatch_webhooks_deliveries", Map.of("state", "failed"))).isGreaterThanOrEqualTo(failed + 1);
            assertThat(gauge(scrape, "dispatch_webhooks_oldest_pending_age_seconds", Map.of()))
                    .as("the delivery is no longer pending").isLessThan(7 * 3600.0);
            keys.asAdmin().get("/v1/admin/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                    .body("items[0].status", equalTo("failed"))
                    .body("items[0].attempts", equalTo(8));
        } finally {
            keys.asAdmin().delete("/v1/admin/webhooks/" + webhook).then().statusCode(204);
        }
    }

    @Test
    void theGaugesAreReadOnASchedule() throws InterruptedException {
        read();
        long readAt = System.nanoTime();
        // The job runs every second in tests: a reading started after ours shows up as an age below the time since.
        double age = Double.NaN;
        double since = 0;
        while (since < 10) {
            Thread.sleep(250);
            since = (System.nanoTime() - readAt) / 1e9;
            String scrape = given().accept("text/plain").get(metricsUrl).then().statusCode(200).extract().asString();
            age = gauge(scrape, "dispatch_backlog_refresh_age_seconds", Map.of());
            if (since > 1.5 && age < since - 0.5) {
                break;
            }
        }
        assertThat(age).as("a scheduled reading after %.1f s", since).isLessThan(since - 0.5);
    }

    @Test
    void aReadingThatFinishesAfterALaterStartedOneIsNotShown() {
        long earlier = backlog.ticket();
        long later = backlog.ticket();
        Instant now = Instant.now();
        try {
            backlog.publish(later, marked(now, -7));
            // The scheduled job may have published a reading started later still; either way the earlier one is stale.
            assertThat(backlog.publish(earlier, marked(now, -99))).as("a reading older than the one shown").isFalse();
            String scrape = given().accept("text/plain").get(metricsUrl).then().statusCode(200).extract().asString();
            assertThat(gauge(scrape, "dispatch_changes_position", Map.of())).isNotEqualTo(-99.0);
        } finally {
            backlog.refresh();
        }
        assertThat(gauge(read(), "dispatch_changes_position", Map.of())).isGreaterThanOrEqualTo(0.0);
    }

    private static BacklogMetrics.Reading marked(Instant at, long position) {
        return new BacklogMetrics.Reading(at, position, 0, null, 0, null, 0, 0, null, 0, 0);
    }

    private String create(Map<String, Object> article) {
        return keys.asEditor().contentType(ContentType.JSON).body(article).post("/v1/articles")
                .then().statusCode(201).extract().path("id");
    }

    /** Reads the gauges from the database now, then scrapes them over HTTP. */
    private String read() {
        // The application's clock ticks in whole seconds: the age is counted in the ticks between the reading and the
        // scrape.
        Instant start = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        backlog.refresh();
        String scrape = given().accept("text/plain").when().get(metricsUrl).then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        Instant end = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        // The reading shown started no earlier than this refresh (a loaded machine may take a while over it).
        assertThat(gauge(scrape, "dispatch_backlog_refresh_age_seconds", Map.of()))
                .isLessThanOrEqualTo(Duration.between(start, end).toMillis() / 1000.0);
        return scrape;
    }

    private static Double gauge(String scrape, String name, Map<String, String> labels) {
        Double value = OperationsTest.value(scrape, name, labels);
        assertThat(value).as("%s%s in%n%s", name, labels,
                scrape.lines().filter(l -> l.startsWith("dispatch_")).toList()).isNotNull().isNotNaN();
        return value;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
