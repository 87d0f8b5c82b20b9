package news.dispatch.article;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.change.ChangeEvent;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ArticleWriteResourceTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fixtures;

    @Inject
    TestKeys keys;

    @Inject
    EntityManager em;

    Map<String, Object> article(String headline) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", headline);
        body.put("body", Map.of("html", "<p>" + headline + " body text.</p>"));
        return body;
    }

    ExtractableResponse<Response> create(Map<String, Object> body) {
        return keys.asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/v1/articles")
                .then().statusCode(201).extract();
    }

    List<ChangeEvent> events(String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select e from ChangeEvent e where e.articleId = :id order by e.seq", ChangeEvent.class)
                .setParameter("id", UUID.fromString(id)).getResultList());
    }

    @Nested
    class Create {

        @Test
        void createsADraftWithSlugSanitisedBodyAndStats() {
            Section section = fixtures.section("Politics");
            Tag tag = fixtures.tag("Iraq", TagType.PLACE);
            Byline agency = fixtures.byline("ESTA", BylineKind.ORGANISATION);
            String headline = "Iraqi prime minister to meet Biden " + Fixtures.unique("w");
            Map<String, Object> body = article(headline);
            body.put("body", Map.of("html", "<p onclick=\"x()\">One two three.</p><script>alert(1)</script><p>Four</p>"));
            body.put("section", section.slug);
            body.put("tags", List.of(tag.slug));
            body.put("bylines", List.of(Map.of("byline", agency.slug, "role", "agency")));
            body.put("leadImage", Map.of("url", "https://example.com/a.jpg", "alt", "A podium"));
            body.put("dateline", Map.of("place", "SULAIMANI", "source", "ESTA"));

            var created = create(body);
            String id = created.path("id");
            assertThat(created.header("Location")).endsWith("/v1/articles/" + id);
            assertThat(created.header("ETag")).matches("\"\\d+\\.[A-Za-z0-9_-]+\"");
            assertThat(created.<String>path("status")).isEqualTo("draft");
            assertThat(created.<String>path("slug")).startsWith("iraqi-prime-minister-to-meet-biden-w-");
            assertThat(created.<String>path("body.html")).isEqualTo("<p>One two three.</p><p>Four</p>");
            assertThat(created.<String>path("body.text")).isEqualTo("One two three.\n\nFour");
            assertThat(created.<Integer>path("wordCount")).isEqualTo(4);
            assertThat(created.<Integer>path("readingMinutes")).isEqualTo(1);
            assertThat(created.<String>path("section.slug")).isEqualTo(section.slug);
            assertThat(created.<String>path("tags[0].slug")).isEqualTo(tag.slug);
            assertThat(created.<String>path("bylines[0].role")).isEqualTo("agency");
            assertThat(created.<String>path("leadImage.alt")).isEqualTo("A podium");
            assertThat(created.<String>path("publishedAt")).isNull();
            assertThat(events(id)).isEmpty();

            // A draft is nobody's business but the newsroom's.
            given().get("/v1/articles/" + id).then().statusCode(404);
            keys.asPartner().get("/v1/articles/" + id).then().statusCode(404);
            given().queryParam("section", section.slug).queryParam("count", "true").get("/v1/articles")
                    .then().statusCode(200).body("items", empty()).body("page.total", equalTo(0));
            keys.asEditor().get("/v1/articles/" + id).then().statusCode(200).body("status", equalTo("draft"))
                    .header("Cache-Control", startsWith("private"));
            keys.asEditor().queryParam("section", section.slug).queryParam("status", "draft").get("/v1/articles")
                    .then().statusCode(200).body("items.id", contains(id));
            given().get("/v1/tags/" + tag.slug).then().statusCode(200).body("articleCount", equalTo(0));
        }

        @Test
        void createsPublishedWhenAsked() {
            Map<String, Object> body = article("Published at once " + Fixtures.unique("p"));
            body.put("status", "published");
            var created = create(body);
            String id = created.path("id");
            assertThat(created.<String>path("publishedAt")).isNotNull();
            assertThat(created.<String>path("firstPublishedAt")).isEqualTo(created.path("publishedAt"));
            given().get("/v1/articles/" + id).then().statusCode(200).body("status", equalTo("published"));
            assertThat(events(id)).extracting(e -> e.type.value()).containsExactly("publish");
        }

        @Test
        void slugFromKurdishHeadlineIsAscii() {
            var created = create(article("سەرۆک وەزیرانی عێراق " + Fixtures.unique("k")));
            assertThat(created.<String>path("slug")).matches("[a-z0-9]+(-[a-z0-9]+)*");
        }

        @Test
        void sameHeadlineGetsANumberedSlug() {
            String headline = "Same headline " + Fixtures.unique("s");
            String first = create(article(headline)).path("slug");
            String second = create(article(headline)).path("slug");
            assertThat(second).isEqualTo(first + "-2");
        }

        @Test
        void takenSlugIs409() {
            String slug = Fixtures.unique("taken");
            Map<String, Object> body = article("First");
            body.put("slug", slug);
            create(body);
            Map<String, Object> again = article("Second");
            again.put("slug", slug);
            keys.asEditor().contentType(ContentType.JSON).body(again).post("/v1/articles")
                    .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:dispatch:problem:conflict"));
        }
    }
}
