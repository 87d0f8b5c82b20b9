package news.dispatch.syndication.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
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
