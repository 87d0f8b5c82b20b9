package news.dispatch.article;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.dispatch.change.ChangeEvent;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestClock;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ArticleSchedulerTest {

    @Inject
    TestKeys keys;

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @org.junit.jupiter.api.BeforeEach
    void resumeScheduler() {
        scheduler.resume(news.dispatch.testsupport.SchedulerPause.JOB);
    }

    @AfterEach
    void resetClockAndPause() {
        clock.reset();
        scheduler.pause(news.dispatch.testsupport.SchedulerPause.JOB);
    }

    @Test
    void aScheduledArticleBecomesVisibleAtItsTimeWithNoRequest() throws InterruptedException {
        String tag = Fixtures.unique("sched");
        Instant at = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        var created = keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("headline", "Scheduled " + tag, "body", Map.of("html", "<p>Later.</p>")))
                .post("/v1/articles").then().statusCode(201).extract();
        String id = created.path("id");
        keys.asEditor().contentType(ContentType.JSON).body(Map.of("at", at.toString()))
                .post("/v1/articles/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("scheduled")).body("publishedAt", equalTo(at.toString()));
        keys.asEditor().queryParam("status", "scheduled").queryParam("limit", "100").get("/v1/articles")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));

        // The scheduler runs every second in tests: an hour later nothing has changed yet.
        clock.advance(Duration.ofHours(1));
        Thread.sleep(2500);
        given().get("/v1/articles/" + id).then().statusCode(404);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        String status = "draft";
        for (int i = 0; i < 40 && !status.equals("published"); i++) {
            Thread.sleep(250);
            status = keys.asEditor().get("/v1/articles/" + id).then().extract().path("status");
        }
        given().get("/v1/articles/" + id).then().statusCode(200)
                .body("status", equalTo("published"))
                .body("publishedAt", equalTo(at.toString()))
                .body("firstPublishedAt", equalTo(at.toString()));
        List<ChangeEvent> events = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select e from ChangeEvent e where e.articleId = :id order by e.seq", ChangeEvent.class)
                .setParameter("id", UUID.fromString(id)).getResultList());
        assertThat(events).extracting(e -> e.type.value()).containsExactly("publish");
    }

    @Test
    void unpublishingAScheduledArticleCancelsIt() {
        var created = keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("headline", "Cancelled " + Fixtures.unique("c"), "body", Map.of("html", "<p>x</p>"),
                        "status", "scheduled", "publishAt", Instant.now().plus(Duration.ofDays(1)).toString()))
                .post("/v1/articles").then().statusCode(201).body("status", equalTo("scheduled")).extract();
        keys.asEditor().post("/v1/articles/" + created.path("id") + "/unpublish").then().statusCode(200)
                .body("status", equalTo("draft")).body("publishedAt", equalTo(null));
        keys.asEditor().contentType(ContentType.JSON).body(Map.of("at", "2001-01-01T00:00:00Z"))
                .post("/v1/articles/" + created.path("id") + "/publish").then().statusCode(200)
                .body("status", equalTo("published"));
    }
}
