package news.dispatch.change;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.article.BylineRole;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.cache.ContentCache;
import news.dispatch.common.TaxonomyChanges;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.ContentChanges;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestClock;
import news.dispatch.testsupport.TestKeys;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
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
    @Inject
    TestKeys keys;
    @Inject
    ChangeLog log;
    @Inject
    ContentCache cache;
    @Inject
    EntityManagerFactory emf;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** The current end of the feed, to read only what a test does after it. */
    private String head() {
        String cursor = null;
        while (true) {
            var page = keys.asEditor().queryParam("limit", 100)
                    .queryParams(cursor == null ? Map.of() : Map.of("since", cursor))
                    .get("/v1/changes").then().statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return page.getString("next");
            }
            cursor = page.getString("next");
        }
    }

    /** Everything after the cursor that concerns the given articles, as the caller (a key, or null) sees it. */
    private List<Map<String, Object>> read(String since, String caller, Set<UUID> articles) {
        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = since;
        while (true) {
            JsonPath page = keys.as(caller).queryParam("since", cursor).queryParam("limit", 100).get("/v1/changes")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.stream().filter(i -> articles.contains(UUID.fromString((String) i.get("id")))).forEach(seen::add);
            if (items.isEmpty()) {
                return seen;
            }
            cursor = page.getString("next");
        }
    }

    private static List<Map<String, Object>> lifts(List<Map<String, Object>> items) {
        return items.stream().filter(i -> "embargo-lift".equals(i.get("type"))).toList();
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

        List<Map<String, Object>> seen = read(start, keys.partner(), Set.of(a.id));
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
        assertThat(read(start, keys.partner(), Set.of(a.id))).isEmpty();
        assertThat(read(start, null, Set.of(a.id))).isEmpty();
        assertThat(types(read(start, keys.editor(), Set.of(a.id)))).containsExactly("publish:true", "update:true");

        assertThat(due.run()).isZero();
        TestClock.advance(Duration.ofHours(2));
        assertThat(due.run()).isGreaterThanOrEqualTo(1);
        assertThat(due.run()).as("idempotent").isZero();
        List<Map<String, Object>> seen = read(start, keys.partner(), Set.of(a.id));
        assertThat(types(seen)).containsExactly("embargo-lift:true");
        assertThat(seen.get(0).get("slug")).isEqualTo(a.slug);
    }

    /**
     * After a complete run the job looks for lifts only among embargoes that passed since (decision 055): a backlog of
     * more than a batch is still worked off whole (a run that fills its batch does not count as complete), and an
     * embargo that passes later is lifted by a later run.
     */
    @Test
    void everyEmbargoIsLiftedOnceWhenMoreThanABatchPassTogetherAndWhenOnePassesLater() {
        while (due.run() > 0) {
            // what other tests left due
        }
        String start = head();
        Section section = fixtures.section("Embargo backlog");
        var together = TestClock.now().plus(Duration.ofMinutes(10));
        Set<UUID> backlog = new java.util.HashSet<>();
        for (int i = 0; i <= DueChanges.BATCH; i++) {
            backlog.add(changes.create(fixtures.article("Embargoed together " + i).section(section)
                    .syndication(true, together)).id);
        }
        TestClock.advance(Duration.ofMinutes(20));
        due.run();
        assertThat(lifts(read(start, keys.editor(), backlog))).as("one batch").hasSizeBetween(1, DueChanges.BATCH);
        TestClock.advance(Duration.ofHours(2));
        while (due.run() > 0) {
            // the rest of the backlog
        }
        assertThat(due.liftsSince(TestClock.now())).as("a complete run bounds the next").isNotNull();
        List<Map<String, Object>> lifts = lifts(read(start, keys.editor(), backlog));
        assertThat(lifts).hasSize(backlog.size());
        assertThat(lifts.stream().map(i -> i.get("id")).distinct()).hasSize(backlog.size());

        Article later = changes.create(fixtures.article("Embargoed after a complete run").section(section)
                .syndication(true, TestClock.now().plus(Duration.ofMinutes(30))));
        due.run();
        assertThat(lifts(read(start, keys.editor(), Set.of(later.id)))).as("not yet").isEmpty();
        TestClock.advance(Duration.ofHours(1));
        due.run();
        assertThat(types(read(start, keys.partner(), Set.of(later.id)))).containsExactly("embargo-lift:true");
    }

    @Test
    void withdrawingSyndicationTellsPartnersToRemoveTheStory() {
        String start = head();
        Section section = fixtures.section("Rights");
        Article a = changes.create(fixtures.article("Exclusive interview").section(section));
        changes.rights(a.id, false, null);
        changes.edit(a.id, "Exclusive interview, updated");
        changes.rights(a.id, true, null);
        assertThat(types(read(start, keys.partner(), Set.of(a.id))))
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

        String bySection = keys.partner(false, List.of(mine.slug), List.of());
        assertThat(read(start, bySection, all)).extracting(i -> i.get("id")).containsExactly(inMine.id.toString());
        String byTag = keys.partner(false, List.of(), List.of(sport.slug));
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
        assertThat(read(start, keys.partner(), Set.of(a.id))).isEmpty();
        given().get("/v1/articles/" + a.slug).then().statusCode(404);

        TestClock.advance(Duration.ofHours(1));
        due.run();
        assertThat(types(read(start, keys.partner(), Set.of(a.id)))).containsExactly("publish:true");
        given().get("/v1/articles/" + a.slug).then().statusCode(200).body("status", equalTo("published"));
        assertThat(due.run()).isZero();
    }

    /** Changes a section, tag or byline through the API, as an editor would. */
    private void patch(String path, Map<String, Object> body) {
        String etag = keys.asEditor().get(path).then().statusCode(200).extract().header("ETag");
        keys.asEditor().header("If-Match", etag).contentType("application/merge-patch+json").body(body)
                .patch(path).then().statusCode(200);
    }

    private static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("id")).toList();
    }

    @Test
    void renamesAndMergesOfTaxonomyUpdateTheLiveArticlesTheyShowOn() {
        Section section = fixtures.section("Taxonomy");
        Tag tag = fixtures.tag("Taxonomy tag", TagType.TOPIC);
        Tag into = fixtures.tag("Taxonomy into", TagType.TOPIC);
        Byline byline = fixtures.byline("Taxonomy writer", BylineKind.PERSON);
        Article live = changes.create(fixtures.article("Live taxonomy story").section(section).tags(tag)
                .byline(byline, BylineRole.AUTHOR));
        Article draft = changes.create(fixtures.article("Draft taxonomy story").section(section).tags(tag)
                .byline(byline, BylineRole.AUTHOR).status(ArticleStatus.DRAFT));
        Article gone = changes.create(fixtures.article("Deleted taxonomy story").section(section).tags(tag)
                .byline(byline, BylineRole.AUTHOR));
        changes.delete(gone.id);
        Article other = changes.create(fixtures.article("Story of the other tag").section(fixtures.section("Elsewhere"))
                .tags(into));
        Set<UUID> all = Set.of(live.id, draft.id, gone.id, other.id);
        String byTag = keys.partner(false, List.of(), List.of(tag.slug));
        String start = head();

        // What articles do not show changes nothing partners hold.
        patch("/v1/tags/" + tag.id, Map.of("description", "Not shown on articles"));
        patch("/v1/sections/" + section.id, Map.of("description", "Not shown either", "position", 7));
        patch("/v1/bylines/" + byline.id, Map.of("bio", "Not shown either"));
        assertThat(read(start, keys.editor(), all)).isEmpty();

        // A new name or slug changes how each live article looks: one update each, drafts and deleted ones aside.
        patch("/v1/tags/" + tag.id, Map.of("name", "Taxonomy tag renamed"));
        patch("/v1/sections/" + section.id, Map.of("slug", Fixtures.unique("taxonomy-moved")));
        patch("/v1/bylines/" + byline.id, Map.of("name", "Taxonomy Writer", "kind", "organisation"));
        List<Map<String, Object>> renames = read(start, keys.editor(), all);
        assertThat(types(renames)).containsExactly("update:true", "update:true", "update:true");
        assertThat(ids(renames)).containsOnly(live.id.toString());
        assertThat(renames).extracting(i -> i.get("slug")).containsOnly(live.slug);
        keys.asPartner().get("/v1/articles/" + live.id).then().statusCode(200)
                .body("tags[0].name", equalTo("Taxonomy tag renamed"))
                .body("bylines[0].kind", equalTo("organisation"));

        // A merge moves the articles of one tag to the other: every live article of the tag that remains is updated.
        String merged = head();
        keys.asEditor().contentType("application/json").body(Map.of("into", into.slug))
                .post("/v1/tags/" + tag.id + "/merge").then().statusCode(200).body("slug", equalTo(into.slug));
        List<Map<String, Object>> merge = read(merged, keys.editor(), all);
        assertThat(types(merge)).containsExactly("update:true", "update:true");
        assertThat(ids(merge)).containsExactlyInAnyOrder(live.id.toString(), other.id.toString());
        // A partner entitled to the merged-away tag is told to remove its story; the other one was never its own.
        assertThat(types(read(merged, byTag, all))).containsExactly("update:false");
        assertThat(types(read(start, byTag, all))).containsExactly("update:true", "update:true", "update:true",
                "update:false");
        keys.as(byTag).get("/v1/articles/" + live.id).then().statusCode(404);
        assertThat(types(read(merged, keys.partner(), all))).containsExactly("update:true", "update:true");
    }

    private static final String PRIVATE = "private, no-cache";

    private long statements() {
        return emf.unwrap(SessionFactory.class).getStatistics().getPrepareStatementCount();
    }

    /** One anonymous page of 100 after the cursor, always the same request (the application cache's key). */
    private Response anonymous(String since) {
        Response page = given().queryParam("since", since).queryParam("limit", 100).get("/v1/changes");
        page.then().statusCode(200).header("Cache-Control", PRIVATE).header("ETag", notNullValue());
        return page;
    }

    /** The entries of one page about an article, as type:visible. */
    private static List<String> about(Response page, UUID article) {
        List<Map<String, Object>> items = page.jsonPath().getList("items");
        return types(items.stream().filter(i -> i.get("id").equals(article.toString())).toList());
    }

    /** Asks for the same anonymous page again: answered from the application cache, without SQL, 304 included. */
    private void servedFromTheCache(String since, Response first) {
        long before = statements();
        Response again = anonymous(since);
        given().header("If-None-Match", first.getHeader("ETag")).queryParam("since", since).queryParam("limit", 100)
                .get("/v1/changes").then().statusCode(304)
                .header("ETag", first.getHeader("ETag")).header("Cache-Control", PRIVATE).body(emptyOrNullString());
        assertThat(statements()).as("SQL statements of a repeated anonymous page").isEqualTo(before);
        assertThat(again.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
        assertThat(again.asString()).isEqualTo(first.asString());
    }

    @Test
    void anonymousPagesComeFromTheApplicationCacheAndEveryWriteShowsAtOnce() {
        Section section = fixtures.section("Cached feed");
        Tag tag = fixtures.tag("Cached feed tag", TagType.TOPIC);
        String tail = head();
        Response empty = anonymous(tail);
        assertThat(empty.jsonPath().getList("items")).isEmpty();
        servedFromTheCache(tail, empty);

        // A publication through the write API: the same request shows it at once.
        Map<String, Object> body = new HashMap<>();
        body.put("headline", "Published while cached " + Fixtures.unique("c"));
        body.put("body", Map.of("html", "<p>Text.</p>"));
        body.put("section", section.slug);
        body.put("tags", List.of(tag.slug));
        body.put("status", "published");
        UUID id = UUID.fromString(keys.asEditor().contentType("application/json").body(body).post("/v1/articles")
                .then().statusCode(201).extract().path("id"));
        Response published = anonymous(tail);
        assertThat(about(published, id)).containsExactly("publish:true");
        assertThat(published.getHeader("ETag")).isNotEqualTo(empty.getHeader("ETag"));
        given().header("If-None-Match", empty.getHeader("ETag")).queryParam("since", tail).queryParam("limit", 100)
                .get("/v1/changes").then().statusCode(200);
        servedFromTheCache(tail, published);

        // A rename of the tag: entries inserted by SQL (ChangeLog.recordUpdates).
        String next = published.jsonPath().getString("next");
        assertThat(anonymous(next).jsonPath().getList("items")).isEmpty();
        patch("/v1/tags/" + tag.id, Map.of("name", "Cached feed tag renamed"));
        assertThat(about(anonymous(next), id)).containsExactly("update:true");

        // An embargo lift and a scheduled publication, both written by the due-changes job.
        next = anonymous(next).jsonPath().getString("next");
        Article embargoed = changes.create(fixtures.article("Embargoed while cached").section(section)
                .syndication(true, TestClock.now().plus(Duration.ofMinutes(30))));
        Article scheduled = fixtures.article("Scheduled while cached").section(section).status(ArticleStatus.SCHEDULED)
                .publishedAt(TestClock.now().plus(Duration.ofMinutes(30))).save();
        Response waiting = anonymous(next);
        assertThat(about(waiting, embargoed.id)).isEmpty();
        assertThat(about(waiting, scheduled.id)).isEmpty();
        servedFromTheCache(next, waiting);
        TestClock.advance(Duration.ofHours(1));
        assertThat(due.run()).isGreaterThanOrEqualTo(2);
        Response afterwards = anonymous(next);
        assertThat(about(afterwards, embargoed.id)).containsExactly("embargo-lift:true");
        assertThat(about(afterwards, scheduled.id)).containsExactly("publish:true");
    }

    @Test
    void entriesAppendedBySqlAloneInvalidateTheCache() {
        Tag tag = fixtures.tag("Appended by SQL", TagType.TOPIC);
        Article a = changes.create(fixtures.article("Story of a tag appended by SQL").section(fixtures.section("By SQL"))
                .tags(tag));
        String tail = head();
        Response empty = anonymous(tail);
        assertThat(empty.jsonPath().getList("items")).isEmpty();
        long generation = cache.generation();
        // No entity written in this transaction: only the change-feed rows of the native INSERT ... SELECT.
        int written = QuarkusTransaction.requiringNew().call(() -> log.recordUpdates(TaxonomyChanges.Carrier.TAG, tag.id));
        assertThat(written).isEqualTo(1);
        assertThat(cache.generation()).isGreaterThan(generation);
        assertThat(about(anonymous(tail), a.id)).containsExactly("update:true");
    }

    @Test
    void keyedCallersBypassTheCacheAndGetTheirOwnView() {
        String start = head();
        Section mine = fixtures.section("Keyed mine");
        Section other = fixtures.section("Keyed other");
        Article inMine = changes.create(fixtures.article("Keyed story in my section").section(mine));
        Article inOther = changes.create(fixtures.article("Keyed story elsewhere").section(other));
        Article withheld = changes.create(fixtures.article("Keyed withheld story").section(mine).syndication(false, null));
        String bySection = keys.partner(false, List.of(mine.slug), List.of());

        Response anonymousPage = anonymous(start);
        assertThat(anonymousPage.jsonPath().getList("items.id", String.class))
                .contains(inMine.id.toString(), inOther.id.toString()).doesNotContain(withheld.id.toString());
        // The same request with a key: computed for the key (its section only), every time, and private.
        for (int i = 0; i < 2; i++) {
            long before = statements();
            Response keyed = keys.as(bySection).queryParam("since", start).queryParam("limit", 100).get("/v1/changes");
            keyed.then().statusCode(200).header("Cache-Control", PRIVATE);
            assertThat(statements()).as("a keyed page reads the database").isGreaterThan(before);
            assertThat(keyed.jsonPath().getList("items.id", String.class))
                    .contains(inMine.id.toString()).doesNotContain(inOther.id.toString(), withheld.id.toString());
            String etag = keyed.getHeader("ETag");
            keys.as(bySection).header("If-None-Match", etag).queryParam("since", start).queryParam("limit", 100)
                    .get("/v1/changes").then().statusCode(304).header("Cache-Control", PRIVATE);
        }
        // An editor sees the withheld story too.
        assertThat(keys.asEditor().queryParam("since", start).queryParam("limit", 100).get("/v1/changes")
                .jsonPath().getList("items.id", String.class)).contains(withheld.id.toString());
        // And the anonymous page is still the one the public gets.
        servedFromTheCache(start, anonymousPage);
    }

    @Test
    void emptyPageStillGivesACursor() {
        String start = head();
        given().queryParam("since", start).get("/v1/changes").then().statusCode(200)
                .body("items.size()", equalTo(0))
                .body("next", startsWith("c1."));
    }
}
