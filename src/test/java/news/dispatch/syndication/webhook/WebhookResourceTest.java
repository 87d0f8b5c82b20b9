package news.dispatch.syndication.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.cache.ContentCache;
import news.dispatch.change.DueChanges;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.ContentChanges;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestClock;
import news.dispatch.testsupport.TestKeys;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class WebhookResourceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "a-shared-secret-of-some-length";

    @Inject
    Fixtures fixtures;
    @Inject
    ContentChanges changes;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    DueChanges due;
    @Inject
    Vertx vertx;
    @Inject
    TestKeys keys;
    @Inject
    ContentCache cache;
    @Inject
    EntityManagerFactory emf;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    long statements() {
        return emf.unwrap(SessionFactory.class).getStatistics().getPrepareStatementCount();
    }

    String register(String url, List<String> types) {
        return keys.asAdmin().contentType("application/json")
                .body(Map.of("url", url, "eventTypes", types, "secret", SECRET, "description", "test receiver"))
                .post("/v1/admin/webhooks").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/v1/admin/webhooks/"))
                .body("secret", nullValue())
                .body("eventTypes", equalTo(types))
                .extract().path("id");
    }

    void remove(String id) {
        keys.asAdmin().delete("/v1/admin/webhooks/" + id).then().statusCode(204);
    }

    /** The deliveries the receiver got for one article, in order. */
    static List<JsonNode> bodiesFor(Receiver receiver, UUID article) throws Exception {
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (Receiver.Request r : receiver.requests) {
            JsonNode body = JSON.readTree(r.body());
            if (body.path("change").path("id").asText().equals(article.toString())) {
                bodies.add(body);
            }
        }
        return bodies;
    }

    @Nested
    class Delivery {
        @Test
        void deliversSignedChangesWithTheFeedCursor() throws Exception {
            try (Receiver receiver = new Receiver(vertx)) {
                String id = register(receiver.url(), List.of("publish", "update", "delete"));
                try {
                    Section section = fixtures.section("Hooks");
                    Article a = changes.create(fixtures.article("Hooked story").section(section));
                    changes.edit(a.id, "Hooked story, edited");
                    changes.unpublish(a.id);
                    dispatcher.run();

                    List<JsonNode> bodies = bodiesFor(receiver, a.id);
                    assertThat(bodies).extracting(b -> b.path("change").path("type").asText()).containsExactly("publish", "update");
                    JsonNode first = bodies.get(0);
                    assertThat(first.path("webhookId").asText()).isEqualTo(id);
                    assertThat(first.path("change").path("slug").asText()).isEqualTo(a.slug);
                    assertThat(first.path("change").path("visible").asBoolean()).isTrue();
                    // The cursor resumes the change feed right after this change.
                    String cursor = first.path("cursor").asText();
                    given().queryParam("since", cursor).queryParam("limit", 100).get("/v1/changes").then().statusCode(200)
                            .body("items.type", hasItem("update"))
                            .body("items.find { it.id == '" + a.id + "' }.type", equalTo("update"));

                    Receiver.Request request = receiver.requests.stream()
                            .filter(r -> r.body().contains(a.id.toString())).findFirst().orElseThrow();
                    assertThat(request.headers().get("content-type")).startsWith("application/json");
                    assertThat(request.headers().get("dispatch-delivery")).isEqualTo(first.path("deliveryId").asText());
                    String signature = request.headers().get("dispatch-signature");
                    assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
                    long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
                    assertThat(t).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
                    String expected = WebhookSigner.hmac(SECRET, t, request.body().getBytes(StandardCharsets.UTF_8));
                    assertThat(signature).endsWith("v1=" + expected);
                    assertThat(WebhookSigner.hmac("another-secret-entirely", t, request.body().getBytes(StandardCharsets.UTF_8)))
                            .isNotEqualTo(expected);

                    // Nothing is sent twice.
                    int before = receiver.requests.size();
                    dispatcher.run();
                    assertThat(receiver.requests.size()).isEqualTo(before);

                    keys.asAdmin().get("/v1/admin/webhooks/" + id + "/deliveries")
                            .then().statusCode(200)
                            .header("Cache-Control", "private, no-cache")
                            .body("items.find { it.articleId == '" + a.id + "' && it.eventType == 'publish' }.status", equalTo("delivered"))
                            .body("items.find { it.articleId == '" + a.id + "' && it.eventType == 'publish' }.responseStatus", equalTo(200))
                            .body("items.find { it.articleId == '" + a.id + "' && it.eventType == 'publish' }.attempts", equalTo(1));
                } finally {
                    remove(id);
                }
            }
        }

        @Test
        void aCorrectionIsAChangeOfItsOwn() throws Exception {
            try (Receiver receiver = new Receiver(vertx)) {
                String id = register(receiver.url(), List.of("update", "correction"));
                try {
                    Article a = changes.create(fixtures.article("Story to correct").section(fixtures.section("Corrections")));
                    String etag = keys.asEditor().get("/v1/articles/" + a.id).then().statusCode(200).extract().header("ETag");
                    keys.asEditor().header("If-Match", etag).contentType("application/json")
                            .body(Map.of("text", "An earlier version misstated the date."))
                            .post("/v1/articles/" + a.id + "/corrections").then().statusCode(201);
                    dispatcher.run();
                    assertThat(bodiesFor(receiver, a.id)).extracting(b -> b.path("change").path("type").asText())
                            .containsExactly("correction");
                    JsonNode change = bodiesFor(receiver, a.id).get(0).path("change");
                    assertThat(change.path("visible").asBoolean()).isTrue();
                    // The change feed says the same.
                    given().queryParam("since", news.dispatch.change.ChangeFeed.cursor(change.path("seq").asLong() - 1))
                            .queryParam("limit", 1).get("/v1/changes").then().statusCode(200)
                            .body("items[0].id", equalTo(a.id.toString()))
                            .body("items[0].type", equalTo("correction"));
                } finally {
                    remove(id);
                }
            }
        }

        @Test
        void failedDeliveriesAreRetriedWithBackoffAndLogged() throws Exception {
            try (Receiver receiver = new Receiver(vertx)) {
                String id = register(receiver.url(), List.of("publish"));
                try {
                    Article a = changes.create(fixtures.article("Retried story").section(fixtures.section("Retry")));
                    receiver.answers.add(500);
                    receiver.answers.add(503);
                    dispatcher.run();
                    assertThat(bodiesFor(receiver, a.id)).hasSize(1);
                    String log = "/v1/admin/webhooks/" + id + "/deliveries";
                    String path = "items.find { it.articleId == '" + a.id + "' }";
                    keys.asAdmin().get(log).then().statusCode(200)
                            .body(path + ".status", equalTo("pending"))
                            .body(path + ".attempts", equalTo(1))
                            .body(path + ".responseStatus", equalTo(500))
                            .body(path + ".error", equalTo("HTTP 500"))
                            .body(path + ".nextAttemptAt", notNullValue());

                    // Not yet due: the first wait is 10 s.
                    dispatcher.run();
                    assertThat(bodiesFor(receiver, a.id)).hasSize(1);
                    TestClock.advance(Duration.ofSeconds(11));
                    dispatcher.run();
                    assertThat(bodiesFor(receiver, a.id)).hasSize(2);
                    // The second wait is twice the first.
                    TestClock.advance(Duration.ofSeconds(11));
                    dispatcher.run();
                    assertThat(bodiesFor(receiver, a.id)).hasSize(2);
                    TestClock.advance(Duration.ofSeconds(10));
                    dispatcher.run();
                    List<JsonNode> bodies = bodiesFor(receiver, a.id);
                    assertThat(bodies).hasSize(3);
                    assertThat(bodies).extracting(b -> b.path("deliveryId").asText()).containsOnly(bodies.get(0).path("deliveryId").asText());

                    keys.asAdmin().get(log).then().statusCode(200)
                            .body(path + ".status", equalTo("delivered"))
                            .body(path + ".attempts", equalTo(3))
                            .body(path + ".responseStatus", equalTo(200))
                            .body(path + ".error", nullValue())
                            .body(path + ".deliveredAt", notNullValue());
                } finally {
                    remove(id);
                }
            }
        }

        @Test
        void registrationsDeliveriesAndRetriesLeaveTheApplicationCacheAlone() throws Exception {
            try (Receiver receiver = new Receiver(vertx)) {
                long start = cache.generation();
                String id = register(receiver.url(), List.of("publish"));
                assertThat(cache.generation()).as("registering a webhook").isEqualTo(start);
                Article a = changes.create(fixtures.article("Cache-neutral delivery").section(fixtures.section("Neutral")));
                assertThat(cache.generation()).as("a publication").isGreaterThan(start);
                String path = "/v1/articles/" + a.slug;
                given().get(path).then().statusCode(200);
                long generation = cache.generation();
                try {
                    receiver.answers.add(500);
                    dispatcher.run(); // queues a delivery, moves the webhook's position, fails, schedules a retry
                    assertThat(bodiesFor(receiver, a.id)).hasSize(1);
                    TestClock.advance(Duration.ofSeconds(11));
                    dispatcher.run(); // the retry, delivered
                    assertThat(bodiesFor(receiver, a.id)).hasSize(2);
                    keys.asAdmin().get("/v1/admin/webhooks/" + id + "/deliveries").then().statusCode(200)
                            .body("items.find { it.articleId == '" + a.id + "' }.status", equalTo("delivered"));
                    assertThat(cache.generation()).as("deliveries and their retries").isEqualTo(generation);
                    long before = statements();
                    given().get(path).then().statusCode(200);
                    assertThat(statements()).as("the article is still served from the cache").isEqualTo(before);
                } finally {
                    remove(id);
                }
                assertThat(cache.generation()).as("removing a webhook").isEqualTo(generation);
            }
        }

        @Test
        void unreachableReceiverFailsAfterTheLastAttempt() throws Exception {
            String url;
            try (Receiver gone = new Receiver(vertx)) {
                url = gone.url();
            }
            String id = register(url, List.of("publish"));
            try {
                Article a = changes.create(fixtures.article("Nobody listens").section(fixtures.section("Gone")));
                for (int i = 0; i < 8; i++) {
                    dispatcher.run();
                    TestClock.advance(Duration.ofHours(1));
                }
                String path = "items.find { it.articleId == '" + a.id + "' }";
                keys.asAdmin().get("/v1/admin/webhooks/" + id + "/deliveries")
                        .then().statusCode(200)
                        .body(path + ".status", equalTo("failed"))
                        .body(path + ".attempts", equalTo(8))
                        .body(path + ".error", equalTo("connection refused"))
                        .body(path + ".nextAttemptAt", nullValue());
            } finally {
                remove(id);
            }
        }

        @Test
        void scheduledPublicationAndEmbargoLiftTriggerDeliveriesButEmbargoedStoriesDoNot() throws Exception {
            try (Receiver receiver = new Receiver(vertx)) {
                String id = register(receiver.url(), List.of("publish", "update", "embargo-lift"));
                try {
                    Section section = fixtures.section("Hook schedule");
                    Article scheduled = fixtures.article("Scheduled hook story").section(section)
                            .status(ArticleStatus.SCHEDULED).publishedAt(TestClock.now().plus(Duration.ofMinutes(5))).save();
                    Article embargoed = changes.create(fixtures.article("Embargoed hook story").section(section)
                            .syndication(true, TestClock.now().plus(Duration.ofMinutes(5))));
                    changes.edit(embargoed.id, "Embargoed hook story, edited");
                    due.run();
                    dispatcher.run();
                    assertThat(bodiesFor(receiver, scheduled.id)).isEmpty();
                    assertThat(bodiesFor(receiver, embargoed.id)).as("no word of an embargoed story").isEmpty();

                    TestClock.advance(Duration.ofMinutes(10));
                    due.run();
                    dispatcher.run();
                    assertThat(bodiesFor(receiver, scheduled.id)).extracting(b -> b.path("change").path("type").asText())
                            .containsExactly("publish");
                    assertThat(bodiesFor(receiver, embargoed.id)).extracting(b -> b.path("change").path("type").asText())
                            .containsExactly("embargo-lift");
                } finally {
                    remove(id);
                }
            }
        }
        @Test
        void aTaxonomyRenameIsDeliveredAsAnUpdateOfEachArticle() throws Exception {
            try (Receiver receiver = new Receiver(vertx)) {
                String id = register(receiver.url(), List.of("update"));
                try {
                    Tag tag = fixtures.tag("Hooked tag", TagType.TOPIC);
                    Section section = fixtures.section("Hook tags");
                    Article first = changes.create(fixtures.article("First hooked tagged story").section(section).tags(tag));
                    Article second = changes.create(fixtures.article("Second hooked tagged story").section(section).tags(tag));
                    String etag = keys.asEditor().get("/v1/tags/" + tag.id).then().statusCode(200).extract().header("ETag");
                    keys.asEditor().header("If-Match", etag).contentType("application/merge-patch+json")
                            .body(Map.of("name", "Hooked tag, renamed")).patch("/v1/tags/" + tag.id).then().statusCode(200);
                    dispatcher.run();
                    for (Article a : List.of(first, second)) {
                        List<JsonNode> bodies = bodiesFor(receiver, a.id);
                        assertThat(bodies).extracting(b -> b.path("change").path("type").asText()).containsExactly("update");
                        assertThat(bodies.get(0).path("change").path("visible").asBoolean()).isTrue();
                        assertThat(bodies.get(0).path("change").path("slug").asText()).isEqualTo(a.slug);
                    }
                } finally {
                    remove(id);
                }
            }
        }
    }

    @Nested
    class Targets {
        @Test
        void registrationRefusesInternalTargetsAndOddSpellings() {
            TestHostResolver.NAMES.put("inside.partner.example.org", "10.0.0.5");
            try {
                for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/computeMetadata/v1/",
                        "http://localhost:5432/", "http://[::1]/hooks", "http://0.0.0.0/hooks", "http://2130706433/hooks",
                        "http://0x7f.1/hooks", "http://127.0.0.2/hooks", "http://10.1.2.3/hooks", "http://192.168.1.1/hooks",
                        "http://[fd00::1]/hooks", "http://[fe80::1]/hooks", "http://[::ffff:169.254.169.254]/hooks",
                        "http://partner.example.org:99999/hooks", "http://inside.partner.example.org/hooks")) {
                    keys.asAdmin().contentType("application/json")
                            .body(Map.of("url", url, "eventTypes", List.of("publish"), "secret", SECRET))
                            .post("/v1/admin/webhooks").then().statusCode(400)
                            .contentType("application/problem+json")
                            .body("errors[0].field", equalTo("url"))
                            .body("errors[0].message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("10.0.0.5")));
                }
            } finally {
                TestHostResolver.NAMES.remove("inside.partner.example.org");
            }
        }

        @Test
        void eachAttemptChecksWhereTheNameResolvesNowAndConnectsThere() throws Exception {
            String name = "rebinding-" + UUID.randomUUID() + ".example.org";
            TestHostResolver.NAMES.put(name, "127.0.0.1");
            try (Receiver receiver = new Receiver(vertx)) {
                String url = "http://" + name + ":" + receiver.port() + "/hooks";
                String id = register(url, List.of("publish"));
                try {
                    Article first = changes.create(fixtures.article("Delivered before the rebinding").section(fixtures.section("Rebind")));
                    dispatcher.run();
                    // The name resolves only here, so reaching the receiver proves the checked address was used.
                    assertThat(bodiesFor(receiver, first.id)).hasSize(1);
                    assertThat(receiver.requests.get(receiver.requests.size() - 1).headers().get("host"))
                            .isEqualTo(name + ":" + receiver.port());

                    TestHostResolver.NAMES.put(name, "169.254.169.254");
                    Article second = changes.create(fixtures.article("Held after the rebinding").section(fixtures.section("Rebind")));
                    dispatcher.run();
                    assertThat(bodiesFor(receiver, second.id)).isEmpty();
                    String path = "items.find { it.articleId == '" + second.id + "' }";
                    keys.asAdmin().get("/v1/admin/webhooks/" + id + "/deliveries").then().statusCode(200)
                            .body(path + ".status", equalTo("pending"))
                            .body(path + ".attempts", equalTo(1))
                            .body(path + ".responseStatus", nullValue())
                            .body(path + ".error", equalTo("target address not allowed"));
                } finally {
                    remove(id);
                }
            } finally {
                TestHostResolver.NAMES.remove(name);
            }
        }
    }

    @Nested
    class Concurrency {
        @Test
        void aSlowReceiverDelaysNoOtherAndItsTricklingAnswerTimesOut() throws Exception {
            try (Receiver slow = new Receiver(vertx); Receiver fast = new Receiver(vertx)) {
                slow.trickle = 20; // a 200 whose body takes 20 s, far beyond the 2 s deadline of the tests
                String slowId = register(slow.url(), List.of("publish"));
                String fastId = register(fast.url(), List.of("publish"));
                try {
                    Article a = changes.create(fixtures.article("Sent to a slow and a fast receiver").section(fixtures.section("Slow")));
                    long start = System.nanoTime();
                    dispatcher.run();
                    long took = Duration.ofNanos(System.nanoTime() - start).toMillis();

                    assertThat(bodiesFor(fast, a.id)).hasSize(1);
                    Receiver.Request received = fast.requests.stream().filter(r -> r.body().contains(a.id.toString()))
                            .findFirst().orElseThrow();
                    assertThat(Duration.ofNanos(received.at() - start).toMillis()).as("the fast receiver waited for nobody")
                            .isLessThan(1500);
                    assertThat(bodiesFor(slow, a.id)).hasSize(1);
                    assertThat(took).as("the run ends with the slow receiver's deadline").isLessThan(6000);

                    String path = "items.find { it.articleId == '" + a.id + "' }";
                    keys.asAdmin().get("/v1/admin/webhooks/" + slowId + "/deliveries").then().statusCode(200)
                            .body(path + ".status", equalTo("pending"))
                            .body(path + ".error", equalTo("timed out"))
                            .body(path + ".responseStatus", nullValue());
                    String fastLog = keys.asAdmin().get("/v1/admin/webhooks/" + fastId + "/deliveries").then().statusCode(200)
                            .extract().asString();
                    assertThat(JSON.readTree(fastLog).path("items").get(0).path("status").asText()).as(fastLog).isEqualTo("delivered");
                } finally {
                    remove(slowId);
                    remove(fastId);
                }
            }
        }
    }

    @Nested
    class Admin {
        @Test
        void onlyAdminsManageWebhooks() {
            Map<String, Object> body = Map.of("url", "https://partner.example.org/hooks", "eventTypes", List.of("publish"),
                    "secret", SECRET);
            String id = register("https://partner.example.org/hooks/" + UUID.randomUUID(), List.of("publish"));
            try {
                List<java.util.function.Function<io.restassured.specification.RequestSpecification, io.restassured.response.Response>>
                        operations = List.of(
                        r -> r.contentType("application/json").body(body).post("/v1/admin/webhooks"),
                        r -> r.get("/v1/admin/webhooks"),
                        r -> r.get("/v1/admin/webhooks/" + id),
                        r -> r.get("/v1/admin/webhooks/" + id + "/deliveries"),
                        r -> r.delete("/v1/admin/webhooks/" + id));
                for (var operation : operations) {
                    operation.apply(given()).then().statusCode(401)
                            .contentType("application/problem+json")
                            .header("WWW-Authenticate", startsWith("Bearer"))
                            .body("type", equalTo("urn:dispatch:problem:unauthorized"))
                            .body("detail", equalTo("This operation needs an API key (Authorization: Bearer <key>)."));
                    for (String key : List.of(keys.partner(), keys.fullTextPartner(), keys.editor())) {
                        operation.apply(keys.as(key)).then().statusCode(403)
                                .contentType("application/problem+json")
                                .body("type", equalTo("urn:dispatch:problem:forbidden"))
                                .body("detail", org.hamcrest.Matchers.containsString("needs a key with the admin role"));
                    }
                }
                // Nothing was registered or removed by the refused requests.
                keys.asAdmin().get("/v1/admin/webhooks/" + id).then().statusCode(200).body("id", equalTo(id));
                keys.asAdmin().queryParam("limit", 100).get("/v1/admin/webhooks").then().statusCode(200)
                        .body("items.url", org.hamcrest.Matchers.not(hasItem("https://partner.example.org/hooks")));
                keys.asAdmin().get("/v1/admin/webhooks/" + id + "/deliveries").then().statusCode(200)
                        .header("Cache-Control", "private, no-cache")
                        .body("items", org.hamcrest.Matchers.empty());
            } finally {
                remove(id);
            }
        }

        @Test
        void registersListsShowsAndDeletes() {
            String id = register("https://partner.example.org/hooks/" + UUID.randomUUID(), List.of("publish", "delete"));
            keys.asAdmin().get("/v1/admin/webhooks/" + id).then().statusCode(200)
                    .body("id", equalTo(id))
                    .body("description", equalTo("test receiver"))
                    .body("position", startsWith("c1."))
                    .body("secret", nullValue());
            keys.asAdmin().queryParam("limit", 100).get("/v1/admin/webhooks")
                    .then().statusCode(200).body("items.id", hasItem(id));
            remove(id);
            keys.asAdmin().get("/v1/admin/webhooks/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            keys.asAdmin().delete("/v1/admin/webhooks/" + id).then().statusCode(404);
            keys.asAdmin().get("/v1/admin/webhooks/not-an-id").then().statusCode(404);
        }

        @Test
        void invalidRegistrationsAreProblems() {
            keys.asAdmin().contentType("application/json")
                    .body(Map.of("url", "ftp://partner.example.org/", "eventTypes", List.of("publish"), "secret", SECRET))
                    .post("/v1/admin/webhooks").then().statusCode(400)
                    .body("errors[0].field", equalTo("url"));
            keys.asAdmin().contentType("application/json")
                    .body(Map.of("url", "https://partner.example.org/", "eventTypes", List.of(), "secret", "short"))
                    .post("/v1/admin/webhooks").then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("eventTypes", "secret"));
            keys.asAdmin().contentType("application/json")
                    .body(Map.of("url", "https://partner.example.org/", "eventTypes", List.of("publsh"), "secret", SECRET))
                    .post("/v1/admin/webhooks").then().statusCode(400)
                    .body("errors[0].field", startsWith("eventTypes"));
            keys.asAdmin().contentType("application/json")
                    .body(Map.of("url", "https://partner.example.org/", "eventTypes", List.of("publish"), "secret", SECRET,
                            "colour", "red"))
                    .post("/v1/admin/webhooks").then().statusCode(400)
                    .body("errors[0].field", equalTo("colour"));
            keys.asAdmin().contentType("text/plain").body("hello")
                    .post("/v1/admin/webhooks").then().statusCode(415);
            keys.asAdmin().contentType("application/json").body("{")
                    .post("/v1/admin/webhooks").then().statusCode(400);
            keys.asAdmin().queryParam("cursor", "junk").get("/v1/admin/webhooks")
                    .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        }
    }
}
