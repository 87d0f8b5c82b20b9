package news.dispatch.article;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.cache.ContentCache;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

/**
 * A list costs a constant number of SQL statements whatever its size (STYLE.md, issue 2): pages of
 * 100 and of 5 articles, each with bylines, tags and a section, are read with the same statements.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleQueryCountTest {

    static final Instant T = Instant.parse("2021-07-10T09:30:00Z");
    /**
     * Ceiling for one uncached list page, everything the request runs included (the filter's and the path's
     * look-ups, the page, its summaries' bylines and tags, the count): docs/decisions/140.
     */
    static final long SMALL = 4;

    @Inject
    Fixtures fixtures;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    ContentCache cache;

    Section big;
    Section small;
    Tag bigTag;
    Tag smallTag;
    Byline bigByline;
    Byline smallByline;
    final List<Article> bigArticles = new ArrayList<>();
    final List<Article> smallArticles = new ArrayList<>();

    /** Made once for the class: a hundred articles take a while to write. */
    @BeforeAll
    void content() {
        big = fixtures.section("Big");
        small = fixtures.section("Small");
        bigTag = fixtures.tag("Big tag", TagType.TOPIC);
        smallTag = fixtures.tag("Small tag", TagType.TOPIC);
        bigByline = fixtures.byline("Big byline", BylineKind.PERSON);
        smallByline = fixtures.byline("Small byline", BylineKind.PERSON);
        Byline second = fixtures.byline("Second byline", BylineKind.ORGANISATION);
        List<Tag> more = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            more.add(fixtures.tag("Shared " + i, TagType.PLACE));
        }
        for (int i = 0; i < 101; i++) {
            bigArticles.add(fixtures.article("Big " + i).section(big).publishedAt(T.plusSeconds(i))
                    .tags(bigTag, more.get(0), more.get(1), more.get(2))
                    .byline(bigByline, BylineRole.AUTHOR).byline(second, BylineRole.AGENCY).save());
        }
        for (int i = 0; i < 6; i++) {
            smallArticles.add(fixtures.article("Small " + i).section(small).publishedAt(T.plusSeconds(i))
                    .tags(smallTag, more.get(0))
                    .byline(smallByline, BylineRole.AUTHOR).byline(second, BylineRole.AGENCY).save());
        }
    }

    /**
     * Statements prepared while serving the request. The counter is global, so a background job
     * (scheduler, deliveries) could add to one measurement: the least of three is the request's own.
     */
    long statements(String path, int expectedItems) {
        Statistics statistics = sessionFactory.getStatistics();
        assertThat(statistics.isStatisticsEnabled()).isTrue();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            cache.invalidateAll(); // measure the database work, not a hit of the application cache
            long before = statistics.getPrepareStatementCount();
            given().get(path).then().statusCode(200).body("items", hasSize(expectedItems));
            least = Math.min(least, statistics.getPrepareStatementCount() - before);
        }
        return least;
    }

    void sameCost(String bigPath, String smallPath) {
        long forHundred = statements(bigPath, 100);
        long forFive = statements(smallPath, 5);
        // count=true is one statement more, asked for (decision 140)
        long most = bigPath.contains("count=true") ? SMALL + 1 : SMALL;
        assertThat(forHundred).as("statements for 100 items of %s", bigPath).isEqualTo(forFive).isLessThanOrEqualTo(most);
        assertThat(forFive).isPositive();
    }

    @Test
    void theArticleListCostsTheSameForHundredAsForFive() {
        sameCost("/v1/articles?limit=100&section=" + big.slug, "/v1/articles?limit=5&section=" + small.slug);
        sameCost("/v1/articles?limit=100&count=true&tag=" + bigTag.slug, "/v1/articles?limit=5&count=true&tag=" + smallTag.slug);
        sameCost("/v1/articles?limit=100&byline=" + bigByline.slug + "&sort=-updatedAt",
                "/v1/articles?limit=5&byline=" + smallByline.slug + "&sort=-updatedAt");
    }

    @Test
    void combinedFiltersCostWhatOneFilterCosts() {
        // the section, byline and tags a list names are looked up in one statement (decision 140)
        sameCost("/v1/articles?limit=100&section=" + big.slug + "&tag=" + bigTag.slug,
                "/v1/articles?limit=5&section=" + small.slug + "&tag=" + smallTag.slug);
        sameCost("/v1/articles?limit=100&section=" + big.slug + "&byline=" + bigByline.slug + "&tag=" + bigTag.slug,
                "/v1/articles?limit=5&section=" + small.slug + "&byline=" + smallByline.slug + "&tag=" + smallTag.slug);
        sameCost("/v1/articles?limit=100&section=" + big.id + "&byline=" + bigByline.id,
                "/v1/articles?limit=5&section=" + small.id + "&byline=" + smallByline.id);
    }

    @Test
    void theNextPageCostsWhatTheFirstCosts() {
        String next = given().get("/v1/articles?limit=1&sort=publishedAt&section=" + big.slug).then().extract().path("page.next");
        sameCost("/v1/articles?limit=100&sort=publishedAt&section=" + big.slug + "&cursor=" + next,
                "/v1/articles?limit=5&section=" + small.slug);
    }

    @Test
    void theSubListsCostTheSameForHundredAsForFive() {
        sameCost("/v1/sections/" + big.slug + "/articles?limit=100", "/v1/sections/" + small.slug + "/articles?limit=5");
        sameCost("/v1/tags/" + bigTag.slug + "/articles?limit=100", "/v1/tags/" + smallTag.slug + "/articles?limit=5");
        sameCost("/v1/bylines/" + bigByline.slug + "/articles?limit=100&count=true",
                "/v1/bylines/" + smallByline.slug + "/articles?limit=5&count=true");
    }

    @Test
    void aSearchPageCostsTheSameForHundredAsForFive() {
        // the filter's look-up, the search (on PostgreSQL after its savepoint and settings), the summaries
        sameCost("/v1/search?q=big&limit=100&section=" + big.slug, "/v1/search?q=small&limit=5&section=" + small.slug);
        sameCost("/v1/search?q=big&limit=100&sort=-publishedAt&section=" + big.slug,
                "/v1/search?q=small&limit=5&sort=-publishedAt&section=" + small.slug);
    }

    /**
     * A batch read of 100 ids and slugs costs what one of 5 costs (issue 31, part 4; docs/decisions/150): the time of
     * the latest change-feed entry (Last-Modified), the rows, then their credits and tags, whatever names are missing.
     */
    @Test
    void aBatchReadCostsTheSameForHundredAsForFive() {
        List<String> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Article a = bigArticles.get(i);
            hundred.add(i % 2 == 0 ? a.id.toString() : a.slug);
        }
        List<String> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Article a = smallArticles.get(i);
            five.add(i % 2 == 0 ? a.slug : a.id.toString());
        }
        five.add("no-such-story");
        sameCost("/v1/articles?ids=" + String.join(",", hundred), "/v1/articles?ids=" + String.join(",", five));
        sameCost("/v1/articles?include=body,corrections&ids=" + String.join(",", hundred),
                "/v1/articles?include=body,corrections&ids=" + String.join(",", five));
        assertThat(statements("/v1/articles?ids=" + String.join(",", hundred), 100)).isLessThanOrEqualTo(3);
    }

    @Test
    void theTagAndBylineListsCostTheSameForHundredAsForFive() {
        String bigPrefix = Fixtures.unique("qc");
        String smallPrefix = Fixtures.unique("qc");
        for (int i = 0; i < 101; i++) {
            fixtures.tag(bigPrefix + " tag " + i, TagType.TOPIC);
            fixtures.byline(bigPrefix + " byline " + i, BylineKind.PERSON, b -> b.links.add(new news.dispatch.byline.BylineLink("Site", "https://x.example")));
        }
        for (int i = 0; i < 6; i++) {
            fixtures.tag(smallPrefix + " tag " + i, TagType.TOPIC);
            fixtures.byline(smallPrefix + " byline " + i, BylineKind.PERSON, b -> b.links.add(new news.dispatch.byline.BylineLink("Site", "https://x.example")));
        }
        sameCost("/v1/tags?limit=100&q=" + bigPrefix, "/v1/tags?limit=5&q=" + smallPrefix);
        sameCost("/v1/tags?limit=100&sort=-articleCount&count=true&q=" + bigPrefix, "/v1/tags?limit=5&sort=-articleCount&count=true&q=" + smallPrefix);
        sameCost("/v1/bylines?limit=100&q=" + bigPrefix, "/v1/bylines?limit=5&q=" + smallPrefix);
    }

    @Test
    void aRichArticleCostsWhatASparseOneCosts() {
        Section section = fixtures.section("Rich");
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tags.add(fixtures.tag("Rich " + i, TagType.TOPIC));
        }
        List<Byline> bylines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bylines.add(fixtures.byline("Rich byline " + i, BylineKind.PERSON));
        }
        var builder = fixtures.article("Rich").section(section).publishedAt(T).tags(tags.toArray(Tag[]::new))
                .correction("one").correction("two").correction("three");
        bylines.forEach(b -> builder.byline(b, BylineRole.AUTHOR));
        Article rich = builder.save();
        fixtures.article("Before").section(section).publishedAt(T.minusSeconds(1)).tags(tags.get(0)).byline(bylines.get(0), BylineRole.AUTHOR).save();
        fixtures.article("After").section(section).publishedAt(T.plusSeconds(1)).tags(tags.get(1)).save();
        for (int i = 0; i < 3; i++) {
            Article curated = fixtures.article("Curated " + i).publishedAt(T.minusSeconds(100 + i)).tags(tags.get(2), tags.get(3))
                    .byline(bylines.get(1), BylineRole.AUTHOR).save();
            fixtures.relate(rich, curated, i, Relation.BACKGROUND);
        }
        for (int i = 0; i < 6; i++) {
            fixtures.article("Sharing " + i).publishedAt(T.minusSeconds(200 + i)).tags(tags.get(4), tags.get(5)).save();
        }

        Section plain = fixtures.section("Plain");
        Tag one = fixtures.tag("Plain", TagType.TOPIC);
        Article sparse = fixtures.article("Sparse").section(plain).publishedAt(T).tags(one).save();
        fixtures.article("Sparse before").section(plain).publishedAt(T.minusSeconds(1)).save();
        fixtures.article("Sparse after").section(plain).publishedAt(T.plusSeconds(1)).save();
        Article curated = fixtures.article("Sparse curated").publishedAt(T.minusSeconds(5)).save();
        fixtures.relate(sparse, curated, 0, Relation.RELATED);
        fixtures.article("Sparse sharing").publishedAt(T.minusSeconds(6)).tags(one).save();

        Statistics statistics = sessionFactory.getStatistics();
        long[] cost = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 0; round < 3; round++) {
            cache.invalidateAll(); // measure the database work, not hits of the application cache
            long before = statistics.getPrepareStatementCount();
            given().get("/v1/articles/" + rich.slug).then().statusCode(200).body("related", hasSize(5));
            cost[0] = Math.min(cost[0], statistics.getPrepareStatementCount() - before);
            cache.invalidateAll();
            before = statistics.getPrepareStatementCount();
            given().get("/v1/articles/" + sparse.slug).then().statusCode(200).body("related", hasSize(2));
            cost[1] = Math.min(cost[1], statistics.getPrepareStatementCount() - before);
            cache.invalidateAll();
            before = statistics.getPrepareStatementCount();
            given().get("/v1/articles/" + rich.slug + "/related").then().statusCode(200).body("items", hasSize(5));
            cost[2] = Math.min(cost[2], statistics.getPrepareStatementCount() - before);
            cache.invalidateAll();
            before = statistics.getPrepareStatementCount();
            given().get("/v1/articles/" + sparse.slug + "/related").then().statusCode(200).body("items", hasSize(2));
            cost[3] = Math.min(cost[3], statistics.getPrepareStatementCount() - before);
        }
        // the article with its tag ids; its neighbours, curated and related ids, body and corrections; the rows,
        // bylines and tags of every article shown (docs/decisions/140)
        assertThat(cost[0]).as("rich article").isEqualTo(cost[1]).isLessThanOrEqualTo(3);
        // The related list alone runs the same three statements with fewer parts in them.
        assertThat(cost[2]).as("related of the rich article").isEqualTo(cost[3]).isLessThanOrEqualTo(cost[0]).isPositive();
    }
}
