package news.dispatch.syndication.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks note curated fronts' changes (docs/decisions/153) to receivers that subscribe to `front`. */
@QuarkusTest
class FrontWebhookTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Fixtures fixtures;
    @Inject
    TestKeys keys;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    Vertx vertx;

    @Test
    void aFrontChangeIsDeliveredToReceiversOfFrontEntries() throws Exception {
        try (Receiver fronts = new Receiver(vertx); Receiver articles = new Receiver(vertx)) {
            String forFronts = register(fronts.url(), List.of("front"));
            String forArticles = register(articles.url(), List.of("publish", "update"));
            try {
                Article a = fixtures.article("On a front").section(fixtures.section("Webhook fronts"))
                        .publishedAt(Instant.parse("2021-07-10T09:30:00Z")).save();
                String slug = Fixtures.unique("front");
                String id = keys.asEditor().contentType(ContentType.JSON)
                        .body(Map.of("title", "Front", "slug", slug, "collections",
                                List.of(Map.of("title", "Top", "items", List.of(Map.of("article", a.id.toString()))))))
                        .post("/v1/fronts").then().statusCode(201).extract().path("id");
                dispatcher.run();
                List<JsonNode> changes = new ArrayList<>();
                for (Receiver.Request r : fronts.requests) {
                    changes.add(JSON.readTree(r.body()).path("change"));
                }
                assertThat(changes).anySatisfy(c -> {
                    assertThat(c.path("type").asText()).isEqualTo("front");
                    assertThat(c.path("id").asText()).isEqualTo(id);
                    assertThat(c.path("slug").asText()).isEqualTo(slug);
                    assertThat(c.path("visible").asBoolean()).isTrue();
                });
                for (Receiver.Request r : articles.requests) {
                    assertThat(JSON.readTree(r.body()).path("change").path("type").asText()).isNotEqualTo("front");
                }
            } finally {
                keys.asAdmin().delete("/v1/admin/webhooks/" + forFronts).then().statusCode(204);
                keys.asAdmin().delete("/v1/admin/webhooks/" + forArticles).then().statusCode(204);
            }
        }
    }

    String register(String url, List<String> types) {
        return keys.asAdmin().contentType("application/json")
                .body(Map.of("url", url, "eventTypes", types, "secret", "a-shared-secret-of-some-length"))
                .post("/v1/admin/webhooks").then().statusCode(201).extract().path("id");
    }
}
