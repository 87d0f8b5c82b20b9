package news.dispatch.article;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestClock;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Batch reads, {@code GET /v1/articles?ids=…} (issue 31, part 4; docs/decisions/150), over HTTP. */
@QuarkusTest
class ArticleBatchReadTest {

    static final Instant T = Instant.parse("2021-07-10T09:30:00Z");
    static final String INVALID = "urn:dispatch:problem:invalid-request";

    @Inject
    Fixtures fixtures;
    @Inject
    TestKeys keys;

    Article published(Section section, String headline) {
        return fixtures.article(headline).section(section).publishedAt(T).save();
    }

    @Test
    void answersInTheOrderAskedAndListsWhatIsMissing() {
        Section section = fixtures.section("Batch");
        Article first = published(section, "First");
        Article second = published(section, "Second");
        Article third = published(section, "Third");
        Article draft = fixtures.article("Draft").section(section).status(ArticleStatus.DRAFT).save();
        Article deleted = fixtures.article("Deleted").section(section).publishedAt(T).deleted().save();
        String unknown = UUID.randomUUID().toString();

        given().queryParam("ids", String.join(",", third.slug, unknown, first.id.toString(), draft.slug,
                        "no-such-story", deleted.id.toString(), second.slug))
                .when().get("/v1/articles")
                .then().statusCode(200)
                .contentType("application/json")
                .body("items.slug", contains(third.slug, first.slug, second.slug))
                .body("items[0].headline", equalTo("Third"))
                .body("items[0]", not(hasKey("body")))
                .body("page.missing", contains(unknown, draft.slug, "no-such-story", deleted.id.toString()))
                .body("page.next", nullValue())
                .body("page.limit", equalTo(7));
    }

    @Test
    void anArticleNamedByItsIdAndItsSlugComesOnceAndNothingMissingIsAnEmptyList() {
        Section section = fixtures.section("Batch");
        Article a = published(section, "Once");
        Article b = published(section, "Twice");
        given().queryParam("ids", b.id + "," + a.slug + "," + b.slug)
                .when().get("/v1/articles")
                .then().statusCode(200)
                .body("items.slug", contains(b.slug, a.slug))
                .body("page.missing", empty());
    }

    @Test
    void takesFieldsAndInclude() {
        Section section = fixtures.section("Batch");
        Article a = fixtures.article("With body").section(section).publishedAt(T).body("<p>Text</p>", "Text")
                .correction("A name was misspelt.").save();
        given().queryParam("ids", a.slug).queryParam("include", "body,corrections")
                .when().get("/v1/articles")
                .then().statusCode(200)
                .body("items[0].body.html", equalTo("<p>Text</p>"))
                .body("items[0].corrections[0].text", equalTo("A name was misspelt."));
        given().queryParam("ids", a.slug).queryParam("fields", "slug,headline")
                .when().get("/v1/articles")
                .then().statusCode(200)
                .body("items[0].headline", equalTo("With body"))
                .body("items[0]", not(hasKey("section")))
                .body("page.missing", empty());
    }

    @Test
    void theRightsApply() {
        Section section = fixtures.section("Batch rights");
        Article open = published(section, "Open");
        Article embargoed = fixtures.article("Embargoed").section(section).publishedAt(T)
                .syndication(true, TestClock.now().plus(Duration.ofHours(1))).save();
        Article notForPartners = fixtures.article("Ours only").section(section).publishedAt(T).syndication(false, null).save();
        String ids = String.join(",", open.slug, embargoed.slug, notForPartners.slug);

        given().queryParam("ids", ids).when().get("/v1/articles").then().statusCode(200)
                .body("items.slug", contains(open.slug, notForPartners.slug))
                .body("page.missing", contains(embargoed.slug));
        keys.asPartner().queryParam("ids", ids).when().get("/v1/articles").then().statusCode(200)
                .body("items.slug", contains(open.slug))
                .body("page.missing", contains(embargoed.slug, notForPartners.slug));
        keys.asEditor().queryParam("ids", ids).when().get("/v1/articles").then().statusCode(200)
                .body("items.slug", contains(open.slug, embargoed.slug, notForPartners.slug))
                .body("page.missing", empty());
    }

    @Test
    void aCachedBatchCarriesThePurgeKeysOfItsArticlesAndFollowsTheirEdits() {
        Section section = fixtures.section("Batch cache");
        Article a = published(section, "Before the edit");
        Article later = fixtures.article("Not yet").section(section).status(ArticleStatus.DRAFT).save();
        String ids = a.slug + "," + later.id;
        given().queryParam("ids", ids).when().get("/v1/articles").then().statusCode(200)
                .header("Surrogate-Key", containsString("article-" + a.id))
                .header("Surrogate-Key", containsString("section-" + section.slug))
                .header("Cache-Control", containsString("public"))
                .body("items[0].headline", equalTo("Before the edit"))
                .body("page.missing", contains(later.id.toString()));

        fixtures.update(a, article -> article.headline = "After the edit");
        given().queryParam("ids", ids).when().get("/v1/articles").then().statusCode(200)
                .body("items[0].headline", equalTo("After the edit"));

        fixtures.update(later, article -> {
            article.status = ArticleStatus.PUBLISHED;
            article.publishedAt = T;
            article.firstPublishedAt = T;
        });
        given().queryParam("ids", ids).when().get("/v1/articles").then().statusCode(200)
                .body("items.slug", contains(a.slug, later.slug))
                .body("page.missing", empty());
    }

    @Test
    void badIdsAreProblemsNamingTheParameter() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= ArticleBatch.MAX; i++) {
            many.add("story-" + i);
        }
        given().queryParam("ids", String.join(",", many)).when().get("/v1/articles").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(INVALID))
                .body("errors[0].field", equalTo("ids"))
                .body("errors[0].message", containsString("at most 100"));
        given().queryParam("ids", String.join(",", many.subList(0, 100))).when().get("/v1/articles").then().statusCode(200)
                .body("page.missing.size()", equalTo(100));
        for (String bad : new String[]{"", "a,,b", "a,", "Not A Slug", "a,a", "<script>", "%00", "x".repeat(300)}) {
            given().queryParam("ids", bad).when().get("/v1/articles").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(INVALID));
        }
        given().queryParam("ids", "a").queryParam("limit", "5").queryParam("section", "world")
                .when().get("/v1/articles").then().statusCode(400)
                .body("errors.field", contains("section", "limit"));
        given().queryParam("ids", "a").queryParam("include", "navigation")
                .when().get("/v1/articles").then().statusCode(400)
                .body("errors[0].field", equalTo("include"));
        given().queryParam("ids", "a").queryParam("ids", "b")
                .when().get("/v1/articles").then().statusCode(400)
                .body("errors[0].field", equalTo("ids"));
    }
}
