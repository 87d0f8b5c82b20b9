package news.dispatch.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.dispatch.access.Role;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.ContentChanges;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestCallers;
import news.dispatch.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ChangeFeedTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ContentChanges changes;
    @Inject
    DueChanges due;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** The current end of the feed, to read only what a test does after it. */
    private static String head() {
        String cursor = null;
        while (true) {
            var page = given().queryParam("limit", 100).header(TestCallers.HEADER, TestCallers.editor())
                    .queryParams(cursor == null ? Map.of() : Map.of("since", cursor))
                    .get("/v1/changes").then().statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return page.getString("next");
            }
            cursor = page.getString("next");
        }
    }

    /** Everything after the cursor that concerns the given articles, as the caller sees it. */
    private static List<Map<String, Object>> read(String since, String caller, Set<UUID> articles) {
        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = since;
        while (true) {
            JsonPath page = given().queryParam("since", cursor).queryParam("limit", 100)
                    .header(TestCallers.HEADER, caller).get("/v1/changes")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.stream().filter(i -> articles.contains(UUID.fromString((String) i.get("id")))).forEach(seen::add);
            if (items.isEmpty()) {
                return seen;
            }
            cursor = page.getString("next");
        }
    }

    private static List<String> types(List<Map<String, Object>> items) {
        return items.stream().map(i -> i.get("type") + ":" + i.get("visible")).toList();
    }

    @Test
    void listsEveryKindOfChangeInCommitOrder() {
        String start = head();
        Section world = fixtures.section("World");
        Article a = changes.create(fixtures.article("Kadhimi to meet Biden").section(world));
        changes.edit(a.id, "Kadhimi to meet Biden this month");
        changes.rename(a.id, a.slug + "-renamed");
        changes.unpublish(a.id);
        changes.publish(a.id);
        changes.delete(a.id);

        List<Map<String, Object>> seen = read(start, TestCallers.partner(), Set.of(a.id));
        assertThat(types(seen)).containsExactly("publish:true", "update:true", "update:true", "unpublish:false",
                "publish:true", "delete:false");
        assertThat(seen.get(2).get("slug")).isEqualTo(a.slug + "-renamed");
        assertThat(seen.get(0).get("at")).asString().endsWith("Z");
        List<Integer> seqs = seen.stream().map(i -> (Integer) i.get("seq")).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void cursorResumesExactlyAfterTheLastEntry() {
        String start = head();
        Section section = fixtures.section("Resume");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(changes.create(fixtures.article("Resume " + i).section(section)).id);
        }
        JsonPath first = given().queryParam("since", start).queryParam("limit", 2)
                .get("/v1/changes").then().statusCode(200)
                .header("Cache-Control", "private, no-cache")
                .header("ETag", notNullValue())
                .extract().jsonPath();
        assertThat(first.getList("items.id")).containsExactly(ids.get(0).toString(), ids.get(1).toString());
        JsonPath second = given().queryParam("since", first.getString("next")).queryParam("limit", 2)
                .get("/v1/changes").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id")).containsExactly(ids.get(2).toString(), ids.get(3).toString());
        // Asking again with the same cursor gives the same page.
        given().queryParam("since", first.getString("next")).queryParam("limit", 2)
                .get("/v1/changes").then().statusCode(200).body("items[0].id", equalTo(ids.get(2).toString()));
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("since", "nonsense").get("/v1/changes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dispatch:problem:invalid-request"))
                .body("errors[0].field", equalTo("since"));
        given().queryParam("limit", 0).get("/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("after", "x").get("/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        // A cursor of an article list is not a change-feed cursor.
        given().queryParam("since", "c1.LXB1Ymxpc2hlZEF0.MTIz.YWJj").get("/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
    }

    @Test
    void embargoedStoriesReachPartnersOnlyWhenTheEmbargoLifts() {
        String start = head();
        Section section = fixtures.section("Embargo");
        Article a = changes.create(fixtures.article("Budget leaks").section(section)
                .syndication(true, TestClock.now().plus(Duration.ofHours(1))));
        changes.edit(a.id, "Budget leaks, minister says");
        assertThat(read(start, TestCallers.partner(), Set.of(a.id))).isEmpty();
        assertThat(read(start, TestCallers.header(Role.ANONYMOUS, false, Set.of(), Set.of()), Set.of(a.id))).isEmpty();
        assertThat(types(read(start, TestCallers.editor(), Set.of(a.id)))).containsExactly("publish:true", "update:true");

        assertThat(due.run()).isZero();
        TestClock.advance(Duration.ofHours(2));
        assertThat(due.run()).isGreaterThanOrEqualTo(1);
        assertThat(due.run()).as("idempotent").isZero();
        List<Map<String, Object>> seen = read(start, TestCallers.partner(), Set.of(a.id));
        assertThat(types(seen)).containsExactly("embargo-lift:true");
        assertThat(seen.get(0).get("slug")).isEqualTo(a.slug);
    }

    @Test
    void withdrawingSyndicationTellsPartnersToRemoveTheStory() {
        String start = head();
        Section section = fixtures.section("Rights");
        Article a = changes.create(fixtures.article("Exclusive interview").section(section));
        changes.rights(a.id, false, null);
        changes.edit(a.id, "Exclusive interview, updated");
        changes.rights(a.id, true, null);
        assertThat(types(read(start, TestCallers.partner(), Set.of(a.id))))
                .containsExactly("publish:true", "rights:false", "rights:true");
    }

    @Test
    void partnersSeeOnlyTheirSectionsAndTags() {
        String start = head();
        Section mine = fixtures.section("Mine");
        Section other = fixtures.section("Other");
        Tag sport = fixtures.tag("Sport", TagType.TOPIC);
        Article inMine = changes.create(fixtures.article("In my section").section(mine));
        Article inOther = changes.create(fixtures.article("In another section").section(other));
        Article tagged = changes.create(fixtures.article("Tagged in another").section(other).tags(sport));
        Set<UUID> all = Set.of(inMine.id, inOther.id, tagged.id);

        String bySection = TestCallers.header(Role.PARTNER, false, Set.of(mine.id), Set.of());
        assertThat(read(start, bySection, all)).extracting(i -> i.get("id")).containsExactly(inMine.id.toString());
        String byTag = TestCallers.header(Role.PARTNER, false, Set.of(), Set.of(sport.id));
        assertThat(read(start, byTag, all)).extracting(i -> i.get("id")).containsExactly(tagged.id.toString());

        // Moving the story out of the partner's section is a removal for that partner.
        changes.move(inMine.id, other);
        assertThat(types(read(start, bySection, all))).containsExactly("publish:true", "update:false");
    }

    @Test
    void scheduledPublicationAppearsWhenItGoesLive() {
        String start = head();
        Section section = fixtures.section("Scheduled");
        Article a = fixtures.article("Tomorrow's story").section(section).status(ArticleStatus.SCHEDULED)
                .publishedAt(TestClock.now().plus(Duration.ofMinutes(30))).save();
        due.run();
        assertThat(read(start, TestCallers.partner(), Set.of(a.id))).isEmpty();
        given().get("/v1/articles/" + a.slug).then().statusCode(404);

        TestClock.advance(Duration.ofHours(1));
        due.run();
        assertThat(types(read(start, TestCallers.partner(), Set.of(a.id)))).containsExactly("publish:true");
        given().get("/v1/articles/" + a.slug).then().statusCode(200).body("status", equalTo("published"));
        assertThat(due.run()).isZero();
    }

    @Test
    void emptyPageStillGivesACursor() {
        String start = head();
        given().queryParam("since", start).get("/v1/changes").then().statusCode(200)
                .body("items.size()", equalTo(0))
                .body("next", startsWith("c1."));
    }
}
