package news.dispatch.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.BylineRole;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.section.Section;
import news.dispatch.section.SectionRepository;
import news.dispatch.section.SectionService;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Reads run in read-only sessions that never flush (decision 083), reads called inside a writing transaction
 * leave it as it is, and a read that tries to store something is refused with nothing stored.
 */
@QuarkusTest
class ReadOnlyTransactionTest {

    @Inject
    Fixtures fixtures;
    @Inject
    SessionFactory sessionFactory;
    @Inject
    SectionService sections;
    @Inject
    SectionRepository sectionRows;
    @Inject
    ReadOnlyProbe probe;

    @Test
    void anUncachedListOrArticleFlushesNothing() {
        Section section = fixtures.section("Read only");
        Tag tag = fixtures.tag("Read only", TagType.TOPIC);
        Byline byline = fixtures.byline("Read only writer", BylineKind.PERSON);
        String slug = null;
        for (int i = 0; i < 3; i++) {
            slug = fixtures.article("Read only " + i).section(section).tags(tag).byline(byline, BylineRole.AUTHOR)
                    .publishedAt(Instant.parse("2022-03-04T05:06:07Z").plusSeconds(i)).save().slug;
        }
        Statistics statistics = sessionFactory.getStatistics();
        assertThat(statistics.isStatisticsEnabled()).isTrue();
        // Each request is a first one (a new cache key) that loads articles, sections, bylines and tags. Background
        // jobs may flush meanwhile, so the least of three is what the requests cost.
        long least = Long.MAX_VALUE;
        for (int limit = 3; limit <= 5; limit++) {
            long before = statistics.getFlushCount();
            given().queryParam("section", section.slug).queryParam("limit", limit).get("/v1/articles").then()
                    .statusCode(200).body("items", hasSize(3)).body("items[0].tags[0].slug", equalTo(tag.slug));
            least = Math.min(least, statistics.getFlushCount() - before);
        }
        assertThat(least).as("flushes of an uncached list").isZero();

        long before = statistics.getFlushCount();
        given().get("/v1/articles/" + slug).then().statusCode(200).body("slug", equalTo(slug));
        given().get("/v1/articles/" + slug + "?fields=headline").then().statusCode(200);
        long after = statistics.getFlushCount();
        given().queryParam("fields", "slug").queryParam("section", section.slug).get("/v1/articles").then().statusCode(200);
        assertThat(Math.min(after - before, statistics.getFlushCount() - after)).as("flushes of uncached reads").isZero();
    }

    @Test
    void aReadInsideAWritingTransactionLeavesItWritable() {
        Section section = fixtures.section("Joined read");
        QuarkusTransaction.requiringNew().run(() -> {
            Section managed = sections.get(section.slug); // joins this transaction: the entity stays writable
            managed.name = "Renamed inside a write";
            managed.updatedAt = Instant.now();
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> sectionRows.findById(section.id).name))
                .isEqualTo("Renamed inside a write");
        given().get("/v1/sections/" + section.slug).then().statusCode(200).body("name", equalTo("Renamed inside a write"));
    }

    @Test
    void aReadThatWouldStoreSomethingIsRefusedAndStoresNothing() {
        Section section = new Section();
        section.name = "Never stored";
        section.slug = Fixtures.unique("never-stored");
        section.createdAt = section.updatedAt = Instant.now();

        assertThatThrownBy(() -> probe.store(section)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-only transaction");
        assertThat(QuarkusTransaction.requiringNew().call(() -> sectionRows.find("slug", section.slug).count())).isZero();
        given().get("/v1/sections/" + section.slug).then().statusCode(404);
    }
}
