package news.dispatch.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Pages;
import news.dispatch.testsupport.Fixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ArticleResourceTest {

    static final Instant T = Instant.parse("2021-07-10T09:30:00Z");
    static final String PROBLEM = "application/problem+json";
    static final String INVALID = "urn:dispatch:problem:invalid-request";

    @Inject
    Fixtures fixtures;

    Article published(Section section, String headline, Instant at, Tag... tags) {
        return fixtures.article(headline).section(section).publishedAt(at).tags(tags).save();
    }

    static List<String> walk(String path, Map<String, ?> params) {
        return Pages.walk(path, params);
    }

    @Nested
    class ListArticles {

        @Test
        void listsPublishedNewestFirstAsSummaries() {
            Section section = fixtures.section("World");
            Tag iraq = fixtures.tag("Iraq", TagType.PLACE);
            Byline esta = fixtures.byline("ESTA", BylineKind.ORGANISATION);
            Article older = published(section, "Older", T.minusSeconds(60));
            Article newer = fixtures.article("Newer").section(section).publishedAt(T).tags(iraq)
                    .byline(esta, BylineRole.AGENCY).dateline("SULAIMANI", "ESTA").correction("fixed").save();

            given().queryParam("section", section.slug)
                    .when().get("/v1/articles")
                    .then().statusCode(200)
                    .contentType("application/json")
                    .body("items.slug", contains(newer.slug, older.slug))
                    .body("items[0].id", equalTo(newer.id.toString()))
                    .body("items[0].url", endsWith("/" + newer.slug))
                    .body("items[0].headline", equalTo("Newer"))
                    .body("items[0].dateline.place", equalTo("SULAIMANI"))
                    .body("items[0].section.slug", equalTo(section.slug))
                    .body("items[0].section.name", equalTo("World"))
                    .body("items[0].tags[0].slug", equalTo(iraq.slug))
                    .body("items[0].tags[0].type", equalTo("place"))
                    .body("items[0].bylines[0].slug", equalTo(esta.slug))
                    .body("items[0].bylines[0].kind", equalTo("organisation"))
                    .body("items[0].bylines[0].role", equalTo("agency"))
                    .body("items[0].status", equalTo("published"))
                    .body("items[0].publishedAt", equalTo("2021-07-10T09:30:00Z"))
                    .body("items[0]", not(hasKey("body")))
                    .body("items[0]", not(hasKey("corrections")))
                    .body("items[0]", not(hasKey("navigation")))
                    .body("items[0]", not(hasKey("related")))
                    .body("items[1].tags", empty())
                    .body("items[1].bylines", empty())
                    .body("page.limit", equalTo(20))
                    .body("page.next", nullValue())
                    .body("page", not(hasKey("total")));
        }

        @Test
        void neverShowsDraftsScheduledUnpublishedOrDeleted() {
            Section section = fixtures.section("World");
            Article visible = published(section, "Visible", T);
            fixtures.article("Draft").section(section).status(ArticleStatus.DRAFT).publishedAt(T).save();
            fixtures.article("Scheduled").section(section).status(ArticleStatus.SCHEDULED).publishedAt(T.plusSeconds(5)).save();
            fixtures.article("Unpublished").section(section).status(ArticleStatus.UNPUBLISHED).publishedAt(T).save();
            fixtures.article("Deleted").section(section).publishedAt(T).deleted().save();

            given().queryParam("section", section.slug).queryParam("count", "true")
                    .when().get("/v1/articles")
                    .then().statusCode(200)
                    .body("items.slug", contains(visible.slug))
                    .body("page.total", equalTo(1));
        }

        @Test
        void filtersBySectionSlugOrId() {
            Section world = fixtures.section("World");
            Section sport = fixtures.section("Sport");
            Article inWorld = published(world, "In world", T);
            published(sport, "In sport", T);

            given().queryParam("section", world.slug).get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(inWorld.slug));
            given().queryParam("section", world.id.toString()).get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(inWorld.slug));
        }

        @Test
        void tagWithCommasMeansAllOfAndWithBarsAnyOf() {
            Tag a = fixtures.tag("Alpha", TagType.TOPIC);
            Tag b = fixtures.tag("Beta", TagType.TOPIC);
            Tag c = fixtures.tag("Gamma", TagType.TOPIC);
            Article both = fixtures.article("Both").publishedAt(T).tags(a, b).save();
            Article onlyA = fixtures.article("Only a").publishedAt(T.minusSeconds(1)).tags(a).save();
            Article onlyB = fixtures.article("Only b").publishedAt(T.minusSeconds(2)).tags(c, b).save();

            given().queryParam("tag", a.slug + "," + b.slug).get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(both.slug));
            given().queryParam("tag", a.slug + "|" + b.slug).get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(both.slug, onlyA.slug, onlyB.slug));
            given().queryParam("tag", b.slug).get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(both.slug, onlyB.slug));
            given().queryParam("tag", a.slug + "," + c.slug).get("/v1/articles")
                    .then().statusCode(200).body("items", empty());
            given().queryParam("tag", a.slug + "|" + c.slug).queryParam("count", "true").get("/v1/articles")
                    .then().statusCode(200).body("page.total", equalTo(3));
        }

        @Test
        void filtersByBylineAndLanguage() {
            Section section = fixtures.section("World");
            Byline reporter = fixtures.byline("Reporter", BylineKind.PERSON);
            Article credited = fixtures.article("Credited").section(section).publishedAt(T).byline(reporter, BylineRole.AUTHOR).save();
            Article kurdish = fixtures.article("Kurdish").section(section).publishedAt(T.minusSeconds(5)).language("ckb").save();
            published(section, "English", T.minusSeconds(10));

            given().queryParam("byline", reporter.slug).get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(credited.slug));
            given().queryParam("byline", reporter.id.toString()).get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(credited.slug));
            given().queryParam("section", section.slug).queryParam("lang", "ckb").get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(kurdish.slug));
            given().queryParam("section", section.slug).queryParam("lang", "fr").get("/v1/articles")
                    .then().statusCode(200).body("items", empty());
        }

        @Test
        void fromAndToTakeDatesAsWholeDaysAndTimesExactly() {
            Section section = fixtures.section("World");
            Article dayBefore = published(section, "Day before", Instant.parse("2021-07-09T23:59:59Z"));
            Article morning = published(section, "Morning", Instant.parse("2021-07-10T00:00:00Z"));
            Article noon = published(section, "Noon", Instant.parse("2021-07-10T09:30:00Z"));
            Article lastSecond = published(section, "Last second", Instant.parse("2021-07-10T23:59:59.999999Z"));
            Article nextDay = published(section, "Next day", Instant.parse("2021-07-11T00:00:00Z"));

            given().queryParam("section", section.slug).queryParam("from", "2021-07-10").queryParam("to", "2021-07-10")
                    .get("/v1/articles").then().statusCode(200)
                    .body("items.slug", contains(lastSecond.slug, noon.slug, morning.slug));
            given().queryParam("section", section.slug).queryParam("from", "2021-07-10T09:30:00Z")
                    .get("/v1/articles").then().statusCode(200)
                    .body("items.slug", contains(nextDay.slug, lastSecond.slug, noon.slug));
            given().queryParam("section", section.slug).queryParam("to", "2021-07-10T09:29:59Z")
                    .get("/v1/articles").then().statusCode(200)
                    .body("items.slug", contains(morning.slug, dayBefore.slug));
            given().queryParam("section", section.slug).queryParam("from", "2021-07-10T11:30:00+02:00")
                    .queryParam("to", "2021-07-10T11:30:00+02:00")
                    .get("/v1/articles").then().statusCode(200)
                    .body("items.slug", contains(noon.slug));
        }

        @Test
        void sortsOldestFirstOrByLatestChange() {
            Section section = fixtures.section("World");
            Article first = fixtures.article("First").section(section).publishedAt(T).updatedAt(T.plusSeconds(300)).save();
            Article second = fixtures.article("Second").section(section).publishedAt(T.plusSeconds(60)).save();
            Article third = fixtures.article("Third").section(section).publishedAt(T.plusSeconds(120)).save();

            given().queryParam("section", section.slug).queryParam("sort", "publishedAt").get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(first.slug, second.slug, third.slug));
            given().queryParam("section", section.slug).queryParam("sort", "-publishedAt").get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(third.slug, second.slug, first.slug));
            given().queryParam("section", section.slug).queryParam("sort", "-updatedAt").get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(first.slug, third.slug, second.slug));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-publishedAt", "publishedAt", "-updatedAt"})
        void pagesThroughEveryArticleOnceEvenWithEqualTimes(String sort) {
            Section section = fixtures.section("Paging");
            List<Article> made = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                // Three groups of three articles sharing one time: the id breaks the ties.
                Instant at = T.plusSeconds(60L * (i / 3));
                made.add(fixtures.article("Story " + i).section(section).publishedAt(at).updatedAt(at.plusSeconds(i % 2)).save());
            }
            Comparator<Article> order = switch (sort) {
                case "publishedAt" -> Comparator.<Article, Instant>comparing(a -> a.publishedAt).thenComparing(a -> a.id);
                case "-publishedAt" -> Comparator.<Article, Instant>comparing(a -> a.publishedAt).thenComparing(a -> a.id).reversed();
                default -> Comparator.<Article, Instant>comparing(a -> a.updatedAt).thenComparing(a -> a.id).reversed();
            };
            List<String> expected = made.stream().sorted(order).map(a -> a.slug).toList();

            for (int limit : new int[]{1, 2, 3, 4, 9, 10}) {
                assertThat(walk("/v1/articles", Map.of("section", section.slug, "sort", sort, "limit", limit)))
                        .as("limit %d", limit).containsExactlyElementsOf(expected);
            }
        }

        @Test
        void theLinkHeaderLeadsToTheNextPageWithTheSameFilters() {
            Section section = fixtures.section("World");
            Tag a = fixtures.tag("Alpha", TagType.TOPIC);
            Tag b = fixtures.tag("Beta", TagType.TOPIC);
            Article one = published(section, "One", T.plusSeconds(2), a);
            Article two = published(section, "Two", T.plusSeconds(1), b);
            Article three = published(section, "Three", T, a, b);
            published(section, "Outside the time window", T.minusSeconds(7200), a);

            Response first = given().queryParam("section", section.slug).queryParam("tag", a.slug + "|" + b.slug)
                    .queryParam("from", "2021-07-10T10:30:00+02:00").queryParam("limit", "2")
                    .get("/v1/articles").then().statusCode(200)
                    .body("items.slug", contains(one.slug, two.slug))
                    .header("Link", startsWith("</v1/articles?"))
                    .extract().response();
            String link = first.header("Link");
            String url = link.substring(1, link.indexOf('>'));
            assertThat(url).contains("cursor=" + first.jsonPath().getString("page.next"));

            given().urlEncodingEnabled(false).get(url).then().statusCode(200)
                    .body("items.slug", contains(three.slug))
                    .body("page.next", nullValue())
                    .header("Link", nullValue());
        }

        @Test
        void aStoryPublishedWhileScrollingNeitherRepeatsNorHidesOthers() {
            Section section = fixtures.section("World");
            Article a = published(section, "A", T.plusSeconds(3));
            Article b = published(section, "B", T.plusSeconds(2));
            Article c = published(section, "C", T.plusSeconds(1));
            Article d = published(section, "D", T);

            String next = given().queryParam("section", section.slug).queryParam("limit", "2").get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(a.slug, b.slug))
                    .extract().path("page.next");
            published(section, "Breaking", T.plusSeconds(10));

            given().queryParam("section", section.slug).queryParam("limit", "2").queryParam("cursor", next).get("/v1/articles")
                    .then().statusCode(200).body("items.slug", contains(c.slug, d.slug)).body("page.next", nullValue());
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 100})
        void acceptsLimitsAtTheBounds(int limit) {
            Section section = fixtures.section("World");
            published(section, "One", T);
            published(section, "Two", T.minusSeconds(1));

            given().queryParam("section", section.slug).queryParam("limit", limit).get("/v1/articles")
                    .then().statusCode(200).body("page.limit", equalTo(limit)).body("items", hasSize(Math.min(limit, 2)));
        }

        @Test
        void countAddsTheTotalOfTheWholeList() {
            Section section = fixtures.section("World");
            for (int i = 0; i < 3; i++) {
                published(section, "Story " + i, T.plusSeconds(i));
            }
            given().queryParam("section", section.slug).queryParam("count", "true").queryParam("limit", "2")
                    .get("/v1/articles").then().statusCode(200)
                    .body("items", hasSize(2)).body("page.total", equalTo(3)).body("page.next", notNullValue());
            given().queryParam("section", section.slug).queryParam("count", "false")
                    .get("/v1/articles").then().statusCode(200).body("page", not(hasKey("total")));
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
                "limit;0;must be a whole number from 1 to 100",
                "limit;101;must be a whole number from 1 to 100",
                "limit;ten;must be a whole number from 1 to 100",
                "count;yes;must be true or false",
                "sort;newest;must be -publishedAt, publishedAt or -updatedAt",
                "sort;updatedAt;must be -publishedAt, publishedAt or -updatedAt",
                "from;yesterday;must be a date (2021-07-10) or an RFC 3339 time (2021-07-10T09:30:00Z)",
                "to;2021-13-01;must be a date (2021-07-10) or an RFC 3339 time (2021-07-10T09:30:00Z)",
                "from;2021-07-10T09:30:00;must be a date (2021-07-10) or an RFC 3339 time (2021-07-10T09:30:00Z)",
                "lang;english!;must be a BCP 47 language tag such as en or pt-BR",
                "section;Not A Slug;'Not A Slug' is not a slug or id",
                "byline;a/b;'a/b' is not a slug or id",
                "tag;iraq,;'' is not a tag slug",
                "tag;Iraq;'Iraq' is not a tag slug",
                "tag;a,b|c;use either ',' (all of) or '|' (any of), not both",
                "cursor;garbage;is not a cursor this API issued",
                "limt;5;\"unknown query parameter; allowed: byline, count, cursor, fields, from, ids, include, lang, limit, section, sort, status, tag, to\""})
        void refusesABadParameterWithAProblem(String name, String value, String message) {
            given().queryParam(name, value).get("/v1/articles")
                    .then().statusCode(400)
                    .contentType(PROBLEM)
                    .header("Cache-Control", "no-store")
                    .body("type", equalTo(INVALID))
                    .body("title", equalTo("The request is not valid"))
                    .body("status", equalTo(400))
                    .body("detail", equalTo(name + ": " + message))
                    .body("instance", startsWith("urn:dispatch:request:"))
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo(name))
                    .body("errors[0].message", equalTo(message));
        }

        @Test
        void refusesFiltersNamingNothingThatExists() {
            given().queryParam("section", "no-such-section-x").queryParam("tag", "no-such-tag-y|no-such-tag-x")
                    .queryParam("byline", "no-such-byline").get("/v1/articles")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", contains("section", "byline", "tag", "tag"))
                    .body("errors.message", contains("no section 'no-such-section-x'", "no byline 'no-such-byline'",
                            "no tag 'no-such-tag-x'", "no tag 'no-such-tag-y'"));
        }

        @Test
        void reportsEveryBadParameterAtOnce() {
            given().queryParam("limit", "0").queryParam("sort", "x").queryParam("from", "2021-07-11").queryParam("to", "2021-07-10")
                    .get("/v1/articles")
                    .then().statusCode(400)
                    .body("detail", equalTo("The request has 3 invalid fields or parameters."))
                    .body("errors.field", contains("from", "sort", "limit"));
        }

        @Test
        void refusesParametersGivenTwiceAndUnknownOnesTogether() {
            given().queryParam("limit", "5", "6").queryParam("Section", "x").get("/v1/articles")
                    .then().statusCode(400)
                    .body("errors.field", hasItem("limit"))
                    .body("errors.field", hasItem("Section"))
                    .body("errors.find { it.field == 'limit' }.message", equalTo("must be given at most once"));
        }

        @Test
        void refusesACursorOfAnotherSort() {
            Section section = fixtures.section("World");
            published(section, "One", T);
            published(section, "Two", T.plusSeconds(1));
            String next = given().queryParam("section", section.slug).queryParam("limit", "1").get("/v1/articles")
                    .then().statusCode(200).extract().path("page.next");

            given().queryParam("section", section.slug).queryParam("limit", "1").queryParam("sort", "publishedAt")
                    .queryParam("cursor", next).get("/v1/articles")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("cursor"))
                    .body("errors[0].message", equalTo("belongs to another sort order; start again without a cursor"));
        }

        @Test
        void refusesACursorWhosePositionIsNotOurs() {
            String forged = new news.dispatch.web.Cursor("-publishedAt", "yesterday", "not-a-uuid").encode();
            given().queryParam("cursor", forged).get("/v1/articles")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("cursor"))
                    .body("errors[0].message", equalTo("is not a cursor this API issued"));
        }
    }

    @Nested
    class GetArticle {

        @Test
        void showsTheFullArticleBySlugAndById() {
            Section section = fixtures.section("World");
            Tag kadhimi = fixtures.tag("Mustafa al-Kadhimi", TagType.PERSON);
            Tag iraq = fixtures.tag("Iraq", TagType.PLACE);
            Byline esta = fixtures.byline("ESTA", BylineKind.ORGANISATION);
            Byline photographer = fixtures.byline("Photographer", BylineKind.PERSON);
            Article article = fixtures.article("Iraqi prime minister to meet Biden in Washington this month")
                    .section(section).publishedAt(T).updatedAt(T.plusSeconds(3600)).tags(kadhimi, iraq)
                    .byline(esta, BylineRole.AGENCY).byline(photographer, BylineRole.PHOTOGRAPHER)
                    .standfirst("The visit is set for later this month.")
                    .dateline("SULAIMANI", "ESTA")
                    .leadImage("https://www.example.com/media/kadhimi.jpg", "Iraqi Prime Minister Mustafa al-Kadhimi", "PM office", true)
                    .with(a -> {
                        a.leadImageAlt = "Mustafa al-Kadhimi at a podium";
                        a.leadImageWidth = 1200;
                        a.leadImageHeight = 800;
                        a.wordCount = 480;
                        a.readingMinutes = 3;
                    })
                    .body("<p>Iraqi Prime Minister Mustafa al-Kadhimi will visit.</p><blockquote>“A quote.”</blockquote>",
                            "Iraqi Prime Minister Mustafa al-Kadhimi will visit.\n\n“A quote.”")
                    .syndication(false, Instant.parse("2021-07-10T12:00:00Z"))
                    .correction("An earlier version misspelt the name.")
                    .correction("Second fix.")
                    .save();

            for (String key : List.of(article.slug, article.id.toString())) {
                given().get("/v1/articles/" + key)
                        .then().statusCode(200)
                        .contentType("application/json")
                        .body("id", equalTo(article.id.toString()))
                        .body("slug", equalTo(article.slug))
                        .body("url", equalTo("https://www.example.com/articles/" + article.slug))
                        .body("headline", equalTo("Iraqi prime minister to meet Biden in Washington this month"))
                        .body("standfirst", equalTo("The visit is set for later this month."))
                        .body("dateline.place", equalTo("SULAIMANI"))
                        .body("dateline.source", equalTo("ESTA"))
                        .body("body.html", containsString("<blockquote>“A quote.”</blockquote>"))
                        .body("body.text", endsWith("“A quote.”"))
                        .body("leadImage.url", equalTo("https://www.example.com/media/kadhimi.jpg"))
                        .body("leadImage.caption", equalTo("Iraqi Prime Minister Mustafa al-Kadhimi"))
                        .body("leadImage.credit", equalTo("PM office"))
                        .body("leadImage.filePhoto", equalTo(true))
                        .body("leadImage.alt", equalTo("Mustafa al-Kadhimi at a podium"))
                        .body("leadImage.width", equalTo(1200))
                        .body("leadImage.height", equalTo(800))
                        .body("section.slug", equalTo(section.slug))
                        .body("tags.slug", contains(kadhimi.slug, iraq.slug))
                        .body("tags.type", contains("person", "place"))
                        .body("tags.name", contains("Mustafa al-Kadhimi", "Iraq"))
                        .body("bylines.slug", contains(esta.slug, photographer.slug))
                        .body("bylines.role", contains("agency", "photographer"))
                        .body("bylines.kind", contains("organisation", "person"))
                        .body("language", equalTo("en"))
                        .body("status", equalTo("published"))
                        .body("publishedAt", equalTo("2021-07-10T09:30:00Z"))
                        .body("firstPublishedAt", equalTo("2021-07-10T09:30:00Z"))
                        .body("updatedAt", equalTo("2021-07-10T10:30:00Z"))
                        .body("wordCount", equalTo(480))
                        .body("readingMinutes", equalTo(3))
                        .body("syndication.allowed", equalTo(false))
                        .body("syndication.embargoUntil", equalTo("2021-07-10T12:00:00Z"))
                        .body("corrections.text", contains("An earlier version misspelt the name.", "Second fix."))
                        .body("corrections[0].at", equalTo("2021-07-10T09:31:00Z"))
                        .body("navigation.previous", nullValue())
                        .body("navigation.next", nullValue())
                        .body("related", empty())
                        .body("$", not(hasKey("summary")))
                        .header("ETag", notNullValue())
                        .header("Last-Modified", notNullValue());
            }
        }

        @Test
        void showsNullsForAbsentOptionalParts() {
            Article bare = fixtures.article("Bare").publishedAt(T).save();

            given().get("/v1/articles/" + bare.slug)
                    .then().statusCode(200)
                    .body("$", hasKey("standfirst")).body("standfirst", nullValue())
                    .body("$", hasKey("dateline")).body("dateline", nullValue())
                    .body("$", hasKey("leadImage")).body("leadImage", nullValue())
                    .body("$", hasKey("section")).body("section", nullValue())
                    .body("tags", empty()).body("bylines", empty()).body("corrections", empty())
                    .body("syndication.allowed", equalTo(true)).body("syndication.embargoUntil", nullValue())
                    .body("navigation.previous", nullValue()).body("navigation.next", nullValue());
        }

        @Test
        void navigatesToThePreviousAndNextPublishedArticleOfTheSection() {
            Section section = fixtures.section("World");
            Section other = fixtures.section("Sport");
            Article first = published(section, "First", T.minusSeconds(7200));
            Article previous = published(section, "Previous", T.minusSeconds(3600));
            fixtures.article("Draft between").section(section).status(ArticleStatus.DRAFT).publishedAt(T.minusSeconds(60)).save();
            fixtures.article("Deleted between").section(section).publishedAt(T.minusSeconds(30)).deleted().save();
            fixtures.article("Unpublished between").section(section).status(ArticleStatus.UNPUBLISHED).publishedAt(T.minusSeconds(20)).save();
            published(other, "Other section between", T.minusSeconds(10));
            Article article = published(section, "Article", T);
            published(other, "Other section after", T.plusSeconds(10));
            Article next = published(section, "Next", T.plusSeconds(3600));

            given().get("/v1/articles/" + article.slug)
                    .then().statusCode(200)
                    .body("navigation.previous.slug", equalTo(previous.slug))
                    .body("navigation.previous.headline", equalTo("Previous"))
                    .body("navigation.previous", not(hasKey("body")))
                    .body("navigation.previous", not(hasKey("navigation")))
                    .body("navigation.next.slug", equalTo(next.slug));
            given().get("/v1/articles/" + first.slug)
                    .then().statusCode(200)
                    .body("navigation.previous", nullValue())
                    .body("navigation.next.slug", equalTo(previous.slug));
            given().get("/v1/articles/" + next.slug)
                    .then().statusCode(200)
                    .body("navigation.previous.slug", equalTo(article.slug))
                    .body("navigation.next", nullValue());
        }

        @Test
        void navigationOrdersArticlesOfTheSameTimeByTheirId() {
            Section section = fixtures.section("World");
            List<Article> same = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                same.add(published(section, "Same time " + i, T));
            }
            same.sort(Comparator.comparing(a -> a.id));

            given().get("/v1/articles/" + same.get(1).slug)
                    .then().statusCode(200)
                    .body("navigation.previous.slug", equalTo(same.get(0).slug))
                    .body("navigation.next.slug", equalTo(same.get(2).slug));
        }

        @Test
        void relatedListsCuratedLinksFirstThenArticlesSharingTheMostTags() {
            Tag a = fixtures.tag("Alpha", TagType.TOPIC);
            Tag b = fixtures.tag("Beta", TagType.TOPIC);
            Tag c = fixtures.tag("Gamma", TagType.TOPIC);
            Tag unrelated = fixtures.tag("Delta", TagType.TOPIC);
            Article article = fixtures.article("Article").publishedAt(T).tags(a, b, c).save();
            Article curated1 = fixtures.article("Curated background").publishedAt(T.minusSeconds(9000)).save();
            Article curated2 = fixtures.article("Curated follow-up").publishedAt(T.minusSeconds(8000)).tags(a, b, c).save();
            Article curatedDraft = fixtures.article("Curated draft").status(ArticleStatus.DRAFT).publishedAt(T).save();
            Article threeShared = fixtures.article("Three shared").publishedAt(T.minusSeconds(5000)).tags(c, b, a).save();
            Article twoSharedOld = fixtures.article("Two shared, old").publishedAt(T.minusSeconds(4000)).tags(a, b).save();
            Article twoSharedNew = fixtures.article("Two shared, new").publishedAt(T.minusSeconds(100)).tags(b, c, unrelated).save();
            fixtures.article("One shared").publishedAt(T.minusSeconds(10)).tags(a).save();
            fixtures.article("Deleted, three shared").publishedAt(T).tags(a, b, c).deleted().save();
            fixtures.article("Draft, three shared").status(ArticleStatus.DRAFT).publishedAt(T).tags(a, b, c).save();
            fixtures.article("Nothing shared").publishedAt(T).tags(unrelated).save();
            fixtures.relate(article, curated1, 0, Relation.BACKGROUND);
            fixtures.relate(article, curatedDraft, 1, Relation.RELATED);
            fixtures.relate(article, curated2, 2, Relation.FOLLOW_UP);

            List<String> expected = List.of(curated1.slug, curated2.slug, threeShared.slug, twoSharedNew.slug, twoSharedOld.slug);
            given().get("/v1/articles/" + article.slug)
                    .then().statusCode(200)
                    .body("related.slug", contains(expected.toArray()))
                    .body("related.relation", contains("background", "follow-up", "related", "related", "related"))
                    .body("related[0].headline", equalTo("Curated background"))
                    .body("related[2].tags.slug", contains(c.slug, b.slug, a.slug))
                    .body("related[0]", not(hasKey("article")))
                    .body("related[0]", not(hasKey("body")));

            given().get("/v1/articles/" + article.slug + "/related")
                    .then().statusCode(200)
                    .contentType("application/json")
                    .header("ETag", notNullValue())
                    .body("items.slug", contains(expected.toArray()))
                    .body("items.relation", contains("background", "follow-up", "related", "related", "related"))
                    .body("page.limit", equalTo(5))
                    .body("page.next", nullValue());
        }

        @Test
        void relatedNeverExceedsFiveEvenWithManyCuratedLinks() {
            Tag a = fixtures.tag("Alpha", TagType.TOPIC);
            Article article = fixtures.article("Article").publishedAt(T).tags(a).save();
            List<String> curated = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Article r = fixtures.article("Curated " + i).publishedAt(T.minusSeconds(i)).save();
                fixtures.relate(article, r, i, Relation.RELATED);
                curated.add(r.slug);
            }
            fixtures.article("Shares a tag").publishedAt(T).tags(a).save();

            given().get("/v1/articles/" + article.slug + "/related")
                    .then().statusCode(200)
                    .body("items.slug", contains(curated.subList(0, 5).toArray()));
        }

        @Test
        void relatedNeverRepeatsACuratedArticleOrTheArticleItself() {
            Tag a = fixtures.tag("Alpha", TagType.TOPIC);
            Article article = fixtures.article("Article").publishedAt(T).tags(a).save();
            Article both = fixtures.article("Curated and sharing").publishedAt(T).tags(a).save();
            Article sharing = fixtures.article("Sharing").publishedAt(T.minusSeconds(1)).tags(a).save();
            fixtures.relate(article, both, 0, Relation.BACKGROUND);

            given().get("/v1/articles/" + article.id + "/related")
                    .then().statusCode(200)
                    .body("items.slug", contains(both.slug, sharing.slug))
                    .body("items.relation", contains("background", "related"));
        }

        @Test
        void aFormerSlugAnswers301ToTheCurrentOne() {
            Article article = fixtures.article("Renamed").publishedAt(T).save();
            String former = Fixtures.unique("old-name");
            fixtures.formerSlug(article, former);

            given().redirects().follow(false).get("/v1/articles/" + former)
                    .then().statusCode(301)
                    .header("Location", endsWith("/v1/articles/" + article.slug))
                    .header("Cache-Control", containsString("max-age"));
            given().redirects().follow(false).get("/v1/articles/" + former + "/related")
                    .then().statusCode(301)
                    .header("Location", endsWith("/v1/articles/" + article.slug + "/related"));
            given().get("/v1/articles/" + former)
                    .then().statusCode(200).body("slug", equalTo(article.slug));
        }

        @Test
        void aFormerSlugOfAnArticleNoLongerPublishedIsNotFound() {
            Article article = fixtures.article("Withdrawn").status(ArticleStatus.UNPUBLISHED).publishedAt(T).save();
            String former = Fixtures.unique("withdrawn-old");
            fixtures.formerSlug(article, former);

            given().redirects().follow(false).get("/v1/articles/" + former)
                    .then().statusCode(404).contentType(PROBLEM);
        }

        @Test
        void draftsUnpublishedScheduledAndDeletedArticlesAreNotFound() {
            List<Article> hidden = List.of(
                    fixtures.article("Draft").status(ArticleStatus.DRAFT).publishedAt(T).save(),
                    fixtures.article("Scheduled").status(ArticleStatus.SCHEDULED).publishedAt(T.plusSeconds(3600)).save(),
                    fixtures.article("Unpublished").status(ArticleStatus.UNPUBLISHED).publishedAt(T).save(),
                    fixtures.article("Deleted draft").status(ArticleStatus.DRAFT).deleted().save());
            for (Article a : hidden) {
                for (String path : List.of("/v1/articles/" + a.slug, "/v1/articles/" + a.id, "/v1/articles/" + a.slug + "/related")) {
                    given().get(path)
                            .then().statusCode(404)
                            .contentType(PROBLEM)
                            .body("type", equalTo("urn:dispatch:problem:not-found"))
                            .body("status", equalTo(404));
                }
            }
        }

        @Test
        void anUnknownSlugOrIdIsNotFound() {
            given().get("/v1/articles/no-such-story")
                    .then().statusCode(404)
                    .contentType(PROBLEM)
                    .header("Cache-Control", "no-store")
                    .body("type", equalTo("urn:dispatch:problem:not-found"))
                    .body("title", equalTo("Not found"))
                    .body("detail", equalTo("No article 'no-such-story'."))
                    .body("instance", startsWith("urn:dispatch:request:"));
            given().get("/v1/articles/0190a5c4-1d2e-7f00-8000-000000000001")
                    .then().statusCode(404).contentType(PROBLEM);
        }

        @Test
        void takesOnlyTheShapeParameters() {
            Article article = fixtures.article("Article").publishedAt(T).save();
            given().queryParam("limit", "5").get("/v1/articles/" + article.slug)
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].message", equalTo("unknown query parameter; allowed: fields, include, preview"));
            given().queryParam("cursor", "x").get("/v1/articles/" + article.slug + "/related")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("cursor"));
        }
    }
}
