package news.dispatch.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import news.dispatch.article.Article;
import news.dispatch.article.BylineRole;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.cache.ContentCache;
import news.dispatch.cache.ContentChanged;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Complete HTTP caching of reads (docs/decisions/042-http-caching.md). */
@QuarkusTest
class HttpCachingTest {

    @Inject
    news.dispatch.testsupport.TestKeys keys;

    private static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";
    private static final String PRIVATE = "private, no-cache";

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    @Inject
    EntityManagerFactory emf;

    @Inject
    ContentCache cache;

    @Inject
    Event<ContentChanged> changed;

    private record Story(Section section, Tag tag, Byline byline, Article older, Article main) {
    }

    private Story story() {
        Section section = fixtures.section("Caching");
        Tag tag = fixtures.tag("Cache tag", TagType.TOPIC);
        Byline byline = fixtures.byline("Cache writer", BylineKind.PERSON);
        Instant t = Instant.parse("2023-05-01T08:00:00Z");
        Article older = fixtures.article("Older cached").section(section).tags(tag).publishedAt(t.minusSeconds(600)).save();
        Article main = fixtures.article("Main cached").section(section).tags(tag).byline(byline, BylineRole.AUTHOR)
                .publishedAt(t).save();
        return new Story(section, tag, byline, older, main);
    }

    private void renameTag(Tag tag, String name) {
        QuarkusTransaction.requiringNew().run(() -> {
            Tag t = em.find(Tag.class, tag.id);
            t.name = name;
            t.updatedAt = Instant.now();
        });
    }

    private Statistics stats() {
        return emf.unwrap(SessionFactory.class).getStatistics();
    }

    @Nested
    class SingleArticle {

        @Test
        void sendsValidatorsCachingHeadersAndSurrogateKeys() {
            Story s = story();
            Response r = given().when().get("/v1/articles/" + s.main().slug);
            r.then().statusCode(200)
                    .header("ETag", matchesPattern("\"\\d+\\.[A-Za-z0-9_-]{27}\\+gz\""))
                    .header("Cache-Control", PUBLIC)
                    .header("Vary", "Accept, Accept-Encoding, Authorization");
            // the latest change among everything shown: here the tag, section and byline made after the article
            Instant lastModified = java.time.ZonedDateTime.parse(r.getHeader("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            assertThat(lastModified).isAfterOrEqualTo(s.tag().updatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            List<String> keys = List.of(r.getHeader("Surrogate-Key").split(" "));
            assertThat(keys).contains("article-" + s.main().id, "article-" + s.older().id, "section-" + s.section().slug,
                    "tag-" + s.tag().slug, "byline-" + s.byline().slug);
        }

        @Test
        void answers304ToAMatchingIfNoneMatchOrIfModifiedSince() {
            Story s = story();
            String path = "/v1/articles/" + s.main().slug;
            Response first = given().when().get(path);
            String etag = first.getHeader("ETag");
            String lastModified = first.getHeader("Last-Modified");

            given().header("If-None-Match", etag).when().get(path)
                    .then().statusCode(304).header("ETag", etag).header("Cache-Control", PUBLIC)
                    .body(emptyOrNullString());
            given().header("If-None-Match", "\"other\", W/" + etag).when().get(path).then().statusCode(304);
            given().header("If-None-Match", "\"0.stale\"").when().get(path).then().statusCode(200);
            given().header("If-Modified-Since", lastModified).when().get(path).then().statusCode(304);
            String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.parse("2023-05-01T07:59:59Z").atZone(ZoneOffset.UTC));
            given().header("If-Modified-Since", earlier).when().get(path).then().statusCode(200);
            // If-None-Match wins over If-Modified-Since (RFC 9110 13.1.3)
            given().header("If-None-Match", "\"0.stale\"").header("If-Modified-Since", lastModified).when().get(path)
                    .then().statusCode(200);
            given().header("If-Modified-Since", "not a date").when().get(path).then().statusCode(200);
        }

        @Test
        void a304CarriesTheValidatorsAndCachingHeadersButNotTheRestOfThe200() {
            Story s = story();
            // an article (Surrogate-Key) and a list page with a next page (Link, Surrogate-Key)
            for (String path : List.of("/v1/articles/" + s.main().slug, "/v1/sections/" + s.section().slug + "/articles?limit=1")) {
                Response full = given().when().get(path);
                full.then().statusCode(200).header("Surrogate-Key", not(emptyOrNullString()))
                        .header("Content-Security-Policy", not(emptyOrNullString()));
                // without Accept: answered from the application cache before the REST layer; with this Accept: by the
                // operation itself
                for (String accept : new String[]{null, "application/json, */*;q=0.1"}) {
                    var request = given().header("If-None-Match", full.getHeader("ETag"));
                    if (accept != null) {
                        request.header("Accept", accept);
                    }
                    Response notModified = request.when().get(path);
                    notModified.then().statusCode(304)
                            .header("ETag", full.getHeader("ETag"))
                            .header("Cache-Control", PUBLIC)
                            // a list without lang= also varies by the language Accept-Language may choose (decision 133)
                            .header("Vary", path.contains("/articles?") ? "Accept, Accept-Encoding, Authorization, Accept-Language"
                                    : "Accept, Accept-Encoding, Authorization")
                            .header("Last-Modified", full.getHeader("Last-Modified") == null ? nullValue()
                                    : equalTo(full.getHeader("Last-Modified")))
                            .header("X-Request-Id", not(emptyOrNullString()))
                            .header("RateLimit-Limit", not(emptyOrNullString()))
                            .header("Link", nullValue())
                            .header("Surrogate-Key", nullValue())
                            .header("Content-Security-Policy", nullValue())
                            .header("X-Content-Type-Options", nullValue())
                            .header("X-Frame-Options", nullValue())
                            .header("Referrer-Policy", nullValue());
                    assertThat(notModified.asByteArray()).as(path).isEmpty();
                }
            }
            assertThat(given().when().get("/v1/sections/" + s.section().slug + "/articles?limit=1").getHeader("Link"))
                    .contains("rel=\"next\"");
        }

        @Test
        void fieldsAndIncludeHaveTheirOwnETag() {
            Story s = story();
            String path = "/v1/articles/" + s.main().slug;
            String full = given().when().get(path).getHeader("ETag");
            String trimmed = given().queryParam("fields", "headline").when().get(path).getHeader("ETag");
            assertThat(trimmed).isNotEqualTo(full);
        }

        @Test
        void renamingATagChangesTheETagOfEveryResponseShowingIt() {
            Story s = story();
            String article = given().when().get("/v1/articles/" + s.main().slug).getHeader("ETag");
            String older = given().when().get("/v1/articles/" + s.older().slug).getHeader("ETag");
            String list = given().queryParam("section", s.section().slug).when().get("/v1/articles").getHeader("ETag");

            renameTag(s.tag(), "Renamed cache tag");

            given().header("If-None-Match", article).when().get("/v1/articles/" + s.main().slug)
                    .then().statusCode(200).body("tags[0].name", equalTo("Renamed cache tag"))
                    .header("ETag", not(equalTo(article)));
            given().header("If-None-Match", older).when().get("/v1/articles/" + s.older().slug).then().statusCode(200);
            given().header("If-None-Match", list).queryParam("section", s.section().slug).when().get("/v1/articles")
                    .then().statusCode(200).body("items[0].tags[0].name", equalTo("Renamed cache tag"));
        }
    }

    @Nested
    class Lists {

        @Test
        void listsSendETagCacheControlAndSurrogateKeys() {
            Story s = story();
            Response r = given().queryParam("section", s.section().slug).when().get("/v1/articles");
            r.then().statusCode(200)
                    .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{27}\\+gz\""))
                    .header("Cache-Control", PUBLIC)
                    .header("Vary", "Accept, Accept-Encoding, Authorization, Accept-Language");
            // Last-Modified is the latest change-feed entry's time once there is one (decision 103): other tests may have written one
            assertThat(List.of(r.getHeader("Surrogate-Key").split(" "))).contains("articles", "article-" + s.main().id,
                    "article-" + s.older().id, "tag-" + s.tag().slug, "section-" + s.section().slug, "byline-" + s.byline().slug);
            given().header("If-None-Match", r.getHeader("ETag")).queryParam("section", s.section().slug).when().get("/v1/articles")
                    .then().statusCode(304);
        }

        @Test
        void tagSectionAndBylineResourcesNameThemselves() {
            Story s = story();
            given().when().get("/v1/tags/" + s.tag().slug).then().statusCode(200).header("Surrogate-Key", "tag-" + s.tag().slug)
                    .header("Cache-Control", PUBLIC).header("Last-Modified", not(emptyOrNullString()));
            given().when().get("/v1/sections/" + s.section().slug).then().statusCode(200)
                    .header("Surrogate-Key", "section-" + s.section().slug);
            given().when().get("/v1/bylines/" + s.byline().slug).then().statusCode(200)
                    .header("Surrogate-Key", "byline-" + s.byline().slug);
        }

        @Test
        void keyedRequestsArePrivate() {
            Story s = story();
            keys.asPartner().queryParam("section", s.section().slug).when().get("/v1/articles")
                    .then().header("Cache-Control", "private, no-cache")
                    .header("Vary", "Accept, Accept-Encoding, Authorization, Accept-Language");
            keys.asPartner().when().get("/v1/articles/" + s.main().slug)
                    .then().header("Cache-Control", "private, no-cache");
        }
    }

    @Nested
    class ApplicationCache {

        @Test
        void aRepeatedPublicListCostsNoSqlStatement() {
            Story s = story();
            Response first = given().queryParam("section", s.section().slug).queryParam("fields", "slug").when().get("/v1/articles");
            first.then().statusCode(200);

            long before = stats().getPrepareStatementCount();
            Response second = given().queryParam("section", s.section().slug).queryParam("fields", "slug").when().get("/v1/articles");
            second.then().statusCode(200).body("items.slug", contains(s.main().slug, s.older().slug));
            given().header("If-None-Match", first.getHeader("ETag")).queryParam("section", s.section().slug)
                    .queryParam("fields", "slug").when().get("/v1/articles").then().statusCode(304);
            given().when().get("/v1/tags/" + s.tag().slug + "/articles").then().statusCode(200);
            long afterFirstTagList = stats().getPrepareStatementCount();
            given().when().get("/v1/tags/" + s.tag().slug + "/articles").then().statusCode(200);
            assertThat(stats().getPrepareStatementCount()).isEqualTo(afterFirstTagList);
            assertThat(afterFirstTagList - before).as("only the first tag list reached the database").isPositive();
            assertThat(second.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
            assertThat(second.asString()).isEqualTo(first.asString());
        }

        @Test
        void aRepeatedPublicArticleRelatedListSearchOrFeedCostsNoSqlStatement() {
            Story s = story();
            for (String path : new String[]{"/v1/articles/" + s.main().slug, "/v1/articles/" + s.main().slug + "/related",
                    "/v1/search?q=cached&section=" + s.section().slug, "/v1/feeds/sections/" + s.section().slug + ".json"}) {
                Response first = given().when().get(path);
                first.then().statusCode(200);
                long before = stats().getPrepareStatementCount();
                Response second = given().when().get(path);
                second.then().statusCode(200).header("Cache-Control", PUBLIC);
                given().header("If-None-Match", first.getHeader("ETag")).when().get(path).then().statusCode(304);
                assertThat(stats().getPrepareStatementCount()).as(path).isEqualTo(before);
                assertThat(second.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
                assertThat(second.asString()).isEqualTo(first.asString());
            }
            given().when().get("/v1/articles/" + s.main().slug + "/related")
                    .then().body("items.slug", contains(s.older().slug));
            given().queryParam("q", "cached").queryParam("section", s.section().slug).when().get("/v1/search")
                    .then().body("items.slug", containsInAnyOrder(s.main().slug, s.older().slug));
        }

        @Test
        void anArticleIsCachedPerQueryAndAnEditShowsAtOnce() {
            Story s = story();
            String path = "/v1/articles/" + s.main().slug;
            given().queryParam("fields", "headline").when().get(path).then().statusCode(200)
                    .body("headline", equalTo("Main cached")).body("slug", nullValue());
            given().when().get(path).then().statusCode(200).body("slug", equalTo(s.main().slug));
            QuarkusTransaction.requiringNew().run(() -> {
                Article a = em.find(Article.class, s.main().id);
                a.headline = "Main cached, edited";
                a.updatedAt = Instant.now();
            });
            given().queryParam("fields", "headline").when().get(path).then().statusCode(200)
                    .body("headline", equalTo("Main cached, edited"));
        }

        @Test
        void everyEntityWriteInvalidatesTheCache() {
            Story s = story();
            given().queryParam("section", s.section().slug).when().get("/v1/articles")
                    .then().body("items.slug", contains(s.main().slug, s.older().slug));
            // a write through Hibernate, with nobody calling the cache
            Article newest = fixtures.article("Newest cached").section(s.section())
                    .publishedAt(Instant.parse("2023-05-02T00:00:00Z")).save();
            given().queryParam("section", s.section().slug).when().get("/v1/articles")
                    .then().body("items.slug", contains(newest.slug, s.main().slug, s.older().slug));
        }

        @Test
        void contentChangedEventAndInvalidateAllMoveTheGenerationOn() {
            long g = cache.generation();
            changed.fire(new ContentChanged("test"));
            assertThat(cache.generation()).isGreaterThan(g);
            g = cache.generation();
            QuarkusTransaction.requiringNew().run(() -> changed.fire(new ContentChanged("in a transaction")));
            assertThat(cache.generation()).isGreaterThan(g);
            g = cache.generation();
            cache.invalidateAll();
            assertThat(cache.generation()).isGreaterThan(g);
        }

        @Test
        void aReadDoesNotInvalidate() {
            Story s = story();
            given().when().get("/v1/articles/" + s.main().slug).then().statusCode(200);
            long g = cache.generation();
            given().when().get("/v1/articles/" + s.main().slug).then().statusCode(200);
            given().queryParam("section", s.section().slug).when().get("/v1/articles").then().statusCode(200);
            assertThat(cache.generation()).isEqualTo(g);
        }

        @Test
        void writesOfApiKeysLeaveTheCacheAloneAndContentWritesDoNot() {
            Story s = story();
            String path = "/v1/articles/" + s.main().slug;
            given().when().get(path).then().statusCode(200);
            long generation = cache.generation();
            news.dispatch.testsupport.TestKeys.Key key = keys.partnerKey(false, List.of(s.section().slug), List.of());
            keys.as(key.secret()).when().get(path).then().statusCode(200);
            keys.revoke(key);
            keys.as(key.secret()).when().get(path).then().statusCode(401);
            assertThat(cache.generation()).as("creating, using and revoking a key").isEqualTo(generation);
            long before = stats().getPrepareStatementCount();
            given().when().get(path).then().statusCode(200).body("headline", equalTo("Main cached"));
            assertThat(stats().getPrepareStatementCount()).as("still served from the cache").isEqualTo(before);

            QuarkusTransaction.requiringNew().run(() -> {
                Article a = em.find(Article.class, s.main().id);
                a.headline = "Main cached, after the keys";
                a.updatedAt = Instant.now();
            });
            assertThat(cache.generation()).as("an article edit").isGreaterThan(generation);
            given().when().get(path).then().statusCode(200).body("headline", equalTo("Main cached, after the keys"));
        }

        @Test
        void keyedRequestsBypassTheCache() {
            Story s = story();
            given().queryParam("section", s.section().slug).when().get("/v1/articles").then().statusCode(200);
            long before = stats().getPrepareStatementCount();
            keys.asPartner().queryParam("section", s.section().slug).when().get("/v1/articles")
                    .then().statusCode(200);
            assertThat(stats().getPrepareStatementCount()).isGreaterThan(before);
        }
    }

    /**
     * A keyed request's answer may show what the public's does not: whatever kind of response it is,
     * no shared cache may keep it, and it varies by Authorization (042, decision 007).
     */
    @Nested
    class KeyedResponses {

        private void privateToTheKey(io.restassured.response.ValidatableResponse response, int status) {
            response.statusCode(status)
                    .header("Cache-Control", PRIVATE)
                    .header("Vary", containsString("Authorization"));
        }

        private void revalidates(io.restassured.specification.RequestSpecification keyed, String path) {
            String etag = keyed.when().get(path).then().statusCode(200).extract().header("ETag");
            privateToTheKey(keyed.header("If-None-Match", etag).when().get(path).then(), 304);
        }

        @Test
        void readsOfArticlesAndTaxonomies() {
            Story s = story();
            String article = "/v1/articles/" + s.main().slug;
            privateToTheKey(keys.asPartner().when().get(article).then(), 200);
            revalidates(keys.asPartner(), article);
            privateToTheKey(keys.asPartner().when().get(article + "/related").then(), 200);
            privateToTheKey(keys.asPartner().queryParam("section", s.section().slug).when().get("/v1/articles").then(), 200);
            revalidates(keys.asPartner().queryParam("section", s.section().slug), "/v1/articles");
            for (String path : List.of("/v1/sections", "/v1/sections/" + s.section().slug, "/v1/sections/" + s.section().slug + "/articles",
                    "/v1/tags", "/v1/tags/" + s.tag().slug, "/v1/tags/" + s.tag().slug + "/articles",
                    "/v1/bylines", "/v1/bylines/" + s.byline().slug, "/v1/bylines/" + s.byline().slug + "/articles")) {
                privateToTheKey(keys.asPartner().when().get(path).then(), 200);
            }
            privateToTheKey(keys.asPartner().queryParam("q", "cached").when().get("/v1/search").then(), 200);
        }

        @Test
        void syndicationFormatsFeedsAndTheChangeFeed() {
            Story s = story();
            String article = "/v1/articles/" + s.main().slug;
            privateToTheKey(keys.asPartner().accept("application/ninjs+json").when().get(article).then(), 200);
            revalidates(keys.asPartner().accept("application/ninjs+json"), article);
            privateToTheKey(keys.asPartner().accept("application/ninjs+json").queryParam("section", s.section().slug)
                    .when().get("/v1/articles").then(), 200);
            privateToTheKey(keys.asPartner().accept("application/ld+json").when().get(article).then(), 200);
            for (String feed : List.of("/v1/feeds/latest.rss", "/v1/feeds/sections/" + s.section().slug + ".atom",
                    "/v1/feeds/tags/" + s.tag().slug + ".json", "/v1/feeds/bylines/" + s.byline().slug + ".rss")) {
                privateToTheKey(keys.asPartner().when().get(feed).then(), 200);
                privateToTheKey(given().queryParam("apiKey", keys.partner()).when().get(feed).then(), 200);
            }
            revalidates(keys.asPartner(), "/v1/feeds/latest.json");
            privateToTheKey(keys.asPartner().when().get("/v1/changes").then(), 200);
        }

        @Test
        void redirectsFromAFormerSlug() {
            Story s = story();
            String former = Fixtures.unique("former-cached");
            fixtures.formerSlug(s.main(), former);
            privateToTheKey(keys.asPartner().redirects().follow(false).when().get("/v1/articles/" + former).then(), 301);
            privateToTheKey(keys.asPartner().redirects().follow(false).when().get("/v1/articles/" + former + "/related").then(), 301);
            privateToTheKey(keys.asPartner().redirects().follow(false).accept("application/ld+json")
                    .when().get("/v1/articles/" + former).then(), 301);
            // anonymous ones stay public, and say that a keyed request may be answered otherwise
            given().redirects().follow(false).when().get("/v1/articles/" + former).then().statusCode(301)
                    .header("Cache-Control", "public, max-age=3600").header("Vary", containsString("Authorization"));
        }

        @Test
        void writesAndAdministration() {
            Story s = story();
            var created = keys.asEditor().contentType("application/json").body(java.util.Map.of("name", Fixtures.unique("Keyed")))
                    .when().post("/v1/sections").then();
            privateToTheKey(created, 201);
            String slug = created.extract().path("slug");
            String etag = created.extract().header("ETag");
            privateToTheKey(keys.asEditor().contentType("application/merge-patch+json").header("If-Match", etag)
                    .body("{\"description\": \"Keyed\"}").when().patch("/v1/sections/" + slug).then(), 200);
            privateToTheKey(keys.asEditor().when().get("/v1/articles/" + s.main().id + "/revisions").then(), 200);
            privateToTheKey(keys.asEditor().contentType("application/json").body("{\"text\": \"A keyed correction.\"}")
                    .when().post("/v1/articles/" + s.main().id + "/corrections").then(), 201);
            privateToTheKey(keys.asAdmin().when().get("/v1/admin/api-keys").then(), 200);
            privateToTheKey(keys.asAdmin().when().get("/v1/admin/webhooks").then(), 200);
            // what no cache may store at all says so, whoever asks
            keys.asAdmin().contentType("application/json").body(java.util.Map.of("name", "Keyed", "role", "partner"))
                    .when().post("/v1/admin/api-keys").then().statusCode(201).header("Cache-Control", "no-store");
            keys.asPartner().when().get("/v1/articles/no-such-story").then().statusCode(404).header("Cache-Control", "no-store");
        }
    }
}
