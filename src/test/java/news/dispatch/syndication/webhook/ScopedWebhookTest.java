package news.dispatch.syndication.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.ContentChanges;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Webhooks of a partner key get what the key may see on /v1/changes; partners manage their own (decision 162). */
@QuarkusTest
class ScopedWebhookTest {

    static final String SECRET = "a-shared-secret-of-some-length";

    @Inject
    Fixtures fixtures;
    @Inject
    ContentChanges changes;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    Vertx vertx;
    @Inject
    TestKeys keys;

    Map<String, Object> hook(String url) {
        return Map.of("url", url, "eventTypes", List.of("publish", "update", "rights", "embargo-lift"), "secret", SECRET);
    }

    @Test
    void aPartnersReceiverGetsOnlyWhatItsKeyMaySee() throws Exception {
        Section mine = fixtures.section("Scoped mine " + Fixtures.unique("s"));
        Section other = fixtures.section("Scoped other " + Fixtures.unique("s"));
        TestKeys.Key key = keys.partnerKey(false, List.of(mine.slug), List.of());
        try (Receiver partnerReceiver = new Receiver(vertx); Receiver adminReceiver = new Receiver(vertx)) {
            String own = keys.as(key.secret()).contentType("application/json").body(hook(partnerReceiver.url()))
                    .post("/v1/webhooks").then().statusCode(201)
                    .body("apiKey", equalTo(key.id())).extract().path("id");
            String admins = keys.asAdmin().contentType("application/json").body(hook(adminReceiver.url()))
                    .post("/v1/admin/webhooks").then().statusCode(201).body("apiKey", nullValue()).extract().path("id");
            try {
                Article inMine = changes.create(fixtures.article("In my section").section(mine));
                Article inOther = changes.create(fixtures.article("In another section").section(other));
                Article withheld = changes.create(fixtures.article("Not for syndication").section(mine)
                        .syndication(false, null));
                Article embargoed = changes.create(fixtures.article("Embargoed").section(mine)
                        .syndication(true, Instant.now().plus(1, ChronoUnit.HOURS)));
                dispatcher.run();

                assertThat(WebhookResourceTest.bodiesFor(partnerReceiver, inMine.id)).hasSize(1);
                assertThat(WebhookResourceTest.bodiesFor(partnerReceiver, inOther.id)).isEmpty();
                assertThat(WebhookResourceTest.bodiesFor(partnerReceiver, withheld.id)).isEmpty();
                assertThat(WebhookResourceTest.bodiesFor(partnerReceiver, embargoed.id)).isEmpty();
                // the admin's receiver: partners in general, every section
                assertThat(WebhookResourceTest.bodiesFor(adminReceiver, inMine.id)).hasSize(1);
                assertThat(WebhookResourceTest.bodiesFor(adminReceiver, inOther.id)).hasSize(1);
                for (JsonNode body : WebhookResourceTest.bodiesFor(partnerReceiver, inMine.id)) {
                    assertThat(body.path("webhookId").asText()).isEqualTo(own);
                }
            } finally {
                keys.asAdmin().delete("/v1/admin/webhooks/" + admins).then().statusCode(204);
                keys.asAdmin().delete("/v1/admin/webhooks/" + own).then().statusCode(204);
            }
        }
    }

    @Test
    void aReceiverOfAKeyLimitedToTagsGetsOnlyItsTags() throws Exception {
        Tag mine = fixtures.tag("Scoped tag " + Fixtures.unique("t"), TagType.TOPIC);
        Tag other = fixtures.tag("Other tag " + Fixtures.unique("t"), TagType.TOPIC);
        TestKeys.Key key = keys.partnerKey(false, List.of(), List.of(mine.slug));
        try (Receiver receiver = new Receiver(vertx)) {
            String own = keys.as(key.secret()).contentType("application/json").body(hook(receiver.url()))
                    .post("/v1/webhooks").then().statusCode(201).extract().path("id");
            try {
                Article tagged = changes.create(fixtures.article("Tagged mine").tags(mine, other));
                Article untagged = changes.create(fixtures.article("Tagged other").tags(other));
                dispatcher.run();
                assertThat(WebhookResourceTest.bodiesFor(receiver, tagged.id)).hasSize(1);
                assertThat(WebhookResourceTest.bodiesFor(receiver, untagged.id)).isEmpty();
            } finally {
                keys.asAdmin().delete("/v1/admin/webhooks/" + own).then().statusCode(204);
            }
        }
    }

    @Test
    void aReceiverOfAKeyWithEarlyDeliveryGetsEmbargoedStoriesMarked() throws Exception {
        TestKeys.Key early = keys.issue(Map.of("name", Fixtures.unique("Wire client"), "role", "partner",
                "earlyDelivery", true));
        Instant lift = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (Receiver earlyReceiver = new Receiver(vertx); Receiver adminReceiver = new Receiver(vertx)) {
            String own = keys.as(early.secret()).contentType("application/json").body(hook(earlyReceiver.url()))
                    .post("/v1/webhooks").then().statusCode(201).extract().path("id");
            String admins = keys.asAdmin().contentType("application/json").body(hook(adminReceiver.url()))
                    .post("/v1/admin/webhooks").then().statusCode(201).extract().path("id");
            try {
                Article embargoed = changes.create(fixtures.article("Embargoed early").syndication(true, lift));
                Article open = changes.create(fixtures.article("Not embargoed"));
                dispatcher.run();
                List<JsonNode> bodies = WebhookResourceTest.bodiesFor(earlyReceiver, embargoed.id);
                assertThat(bodies).hasSize(1);
                JsonNode change = bodies.get(0).path("change");
                assertThat(change.path("embargoed").asBoolean()).isTrue();
                assertThat(change.path("embargoUntil").asText()).isEqualTo(lift.toString());
                assertThat(change.path("visible").asBoolean()).isTrue();
                JsonNode plain = WebhookResourceTest.bodiesFor(earlyReceiver, open.id).get(0).path("change");
                assertThat(plain.has("embargoed")).isFalse();
                // receivers without early delivery hear nothing before the lift
                assertThat(WebhookResourceTest.bodiesFor(adminReceiver, embargoed.id)).isEmpty();
                assertThat(WebhookResourceTest.bodiesFor(adminReceiver, open.id)).hasSize(1);
            } finally {
                keys.asAdmin().delete("/v1/admin/webhooks/" + admins).then().statusCode(204);
                keys.asAdmin().delete("/v1/admin/webhooks/" + own).then().statusCode(204);
            }
        }
    }

    @Test
    void aRevokedKeysReceiverStops() throws Exception {
        TestKeys.Key key = keys.partnerKey(false, List.of(), List.of());
        try (Receiver receiver = new Receiver(vertx)) {
            String own = keys.as(key.secret()).contentType("application/json").body(hook(receiver.url()))
                    .post("/v1/webhooks").then().statusCode(201).body("active", org.hamcrest.Matchers.is(true))
                    .extract().path("id");
            keys.revoke(key);
            Article a = changes.create(fixtures.article("After the revocation"));
            dispatcher.run();
            assertThat(WebhookResourceTest.bodiesFor(receiver, a.id)).isEmpty();
            Article later = changes.create(fixtures.article("Later still"));
            dispatcher.run();
            assertThat(WebhookResourceTest.bodiesFor(receiver, later.id)).isEmpty();
            assertThat(receiver.requests).isEmpty();
            // The admin sees that it is switched off.
            keys.asAdmin().get("/v1/admin/webhooks/" + own).then().statusCode(200).body("active", org.hamcrest.Matchers.is(false));
            keys.asAdmin().delete("/v1/admin/webhooks/" + own).then().statusCode(204);
        }
    }

    /** A live blog's entry writes and alerts reach receivers subscribed to them, under the key's rights. */
    @Test
    void entriesAndAlertsReachTheReceiversThatMaySeeTheBlog() throws Exception {
        Section mine = fixtures.section("Live mine " + Fixtures.unique("s"));
        Section other = fixtures.section("Live other " + Fixtures.unique("s"));
        TestKeys.Key inOther = keys.partnerKey(false, List.of(other.slug), List.of());
        List<String> types = List.of("entry-added", "entry-updated", "entry-deleted", "alert");
        try (Receiver adminReceiver = new Receiver(vertx); Receiver otherReceiver = new Receiver(vertx)) {
            String admins = keys.asAdmin().contentType("application/json")
                    .body(Map.of("url", adminReceiver.url(), "eventTypes", types, "secret", SECRET))
                    .post("/v1/admin/webhooks").then().statusCode(201).extract().path("id");
            String others = keys.as(inOther.secret()).contentType("application/json")
                    .body(Map.of("url", otherReceiver.url(), "eventTypes", types, "secret", SECRET))
                    .post("/v1/webhooks").then().statusCode(201).extract().path("id");
            try {
                String blog = keys.asEditor().contentType("application/json")
                        .body(Map.of("headline", "Live " + Fixtures.unique("l"), "body", Map.of("html", "<p>Live.</p>"),
                                "live", true, "status", "published", "section", mine.slug))
                        .post("/v1/articles").then().statusCode(201).extract().path("id");
                String entries = "/v1/articles/" + blog + "/entries";
                String first = keys.asEditor().contentType("application/json")
                        .body(Map.of("body", Map.of("html", "<p>First.</p>"))).post(entries)
                        .then().statusCode(201).extract().path("id");
                String second = keys.asEditor().contentType("application/json")
                        .body(Map.of("body", Map.of("html", "<p>Second.</p>"))).post(entries)
                        .then().statusCode(201).extract().path("id");
                String tag = io.restassured.RestAssured.given().get(entries + "/" + first).then().extract().header("ETag");
                keys.asEditor().contentType("application/merge-patch+json").header("If-Match", tag)
                        .body(Map.of("pinned", true)).patch(entries + "/" + first).then().statusCode(200);
                keys.asEditor().contentType("application/json")
                        .body(Map.of("article", blog, "entry", first, "level", "breaking", "title", "First!"))
                        .post("/v1/alerts").then().statusCode(201);
                tag = io.restassured.RestAssured.given().get(entries + "/" + second).then().extract().header("ETag");
                keys.asEditor().header("If-Match", tag).delete(entries + "/" + second).then().statusCode(204);
                dispatcher.run();

                List<JsonNode> bodies = WebhookResourceTest.bodiesFor(adminReceiver, java.util.UUID.fromString(blog));
                assertThat(bodies).extracting(b -> b.path("change").path("type").asText())
                        .containsExactly("entry-added", "entry-added", "entry-updated", "alert", "entry-deleted");
                assertThat(WebhookResourceTest.bodiesFor(otherReceiver, java.util.UUID.fromString(blog))).isEmpty();
            } finally {
                keys.asAdmin().delete("/v1/admin/webhooks/" + admins).then().statusCode(204);
                keys.asAdmin().delete("/v1/admin/webhooks/" + others).then().statusCode(204);
            }
        }
    }

    @Test
    void partnersSeeAndDeleteTheirOwnOnly() {
        String url = "https://partner.example.org/hooks/" + Fixtures.unique("h");
        TestKeys.Key one = keys.partnerKey(false, List.of(), List.of());
        TestKeys.Key two = keys.partnerKey(false, List.of(), List.of());
        String id = keys.as(one.secret()).contentType("application/json").body(hook(url)).post("/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        keys.as(one.secret()).get("/v1/webhooks").then().statusCode(200).body("items.id", contains(id));
        keys.as(two.secret()).get("/v1/webhooks").then().statusCode(200).body("items.id", org.hamcrest.Matchers.empty());
        keys.as(two.secret()).get("/v1/webhooks/" + id).then().statusCode(404).contentType("application/problem+json");
        keys.as(two.secret()).delete("/v1/webhooks/" + id).then().statusCode(404);
        keys.as(two.secret()).get("/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
        keys.as(one.secret()).get("/v1/webhooks/" + id + "/deliveries").then().statusCode(200);
        // an admin sees it, with its key
        keys.asAdmin().get("/v1/admin/webhooks/" + id).then().statusCode(200).body("apiKey", equalTo(one.id()));
        // a partner cannot register for another key
        Map<String, Object> forOther = new java.util.HashMap<>(hook(url));
        forOther.put("apiKey", two.id());
        keys.as(one.secret()).contentType("application/json").body(forOther).post("/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("apiKey"));
        // anonymous callers and editors have no webhooks here
        io.restassured.RestAssured.given().get("/v1/webhooks").then().statusCode(401);
        keys.asEditor().get("/v1/webhooks").then().statusCode(403).contentType("application/problem+json");
        keys.as(one.secret()).delete("/v1/webhooks/" + id).then().statusCode(204);
        keys.as(one.secret()).get("/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void anAdminRegistersForAPartnerKey() {
        TestKeys.Key key = keys.partnerKey(false, List.of(), List.of());
        Map<String, Object> body = new java.util.HashMap<>(hook("https://partner.example.org/hooks/" + Fixtures.unique("h")));
        body.put("apiKey", key.id());
        String id = keys.asAdmin().contentType("application/json").body(body).post("/v1/admin/webhooks")
                .then().statusCode(201).body("apiKey", equalTo(key.id())).extract().path("id");
        keys.as(key.secret()).get("/v1/webhooks/" + id).then().statusCode(200);
        body.put("apiKey", java.util.UUID.randomUUID().toString());
        keys.asAdmin().contentType("application/json").body(body).post("/v1/admin/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("apiKey"));
        keys.asAdmin().delete("/v1/admin/webhooks/" + id).then().statusCode(204);
    }
}
