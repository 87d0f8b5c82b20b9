package news.dispatch.common;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Databases;
import news.dispatch.testsupport.Fixtures;
import org.hibernate.SessionFactory;
import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

/**
 * Requests of the same shape reuse one statement: the same SQL text, and Hibernate's cached plan for it. A statement
 * whose text or plan were new for every request would fill Hibernate's query plan cache and each database
 * connection's statement cache with entries used once, and keep the old generation of a small heap full
 * (docs/benchmarks.md, finding 19).
 */
@QuarkusTest
class QueryPlanReuseTest {

    static final Instant T = Instant.parse("2022-03-01T08:00:00Z");

    @Inject
    Fixtures fixtures;

    @Inject
    SessionFactory sessionFactory;

    /** Plan-cache misses and hits of every statement whose text holds this fragment, and how many such texts there are. */
    private long[] plans(String fragment) {
        Statistics statistics = sessionFactory.getStatistics();
        long misses = 0;
        long hits = 0;
        long texts = 0;
        for (String sql : statistics.getQueries()) {
            if (sql.contains(fragment)) {
                QueryStatistics q = statistics.getQueryStatistics(sql);
                misses += q.getPlanCacheMissCount();
                hits += q.getPlanCacheHitCount();
                texts++;
            }
        }
        return new long[] {misses, hits, texts};
    }

    @Test
    void relatedPostsOfAnotherArticleReuseTheStatementAndItsPlan() {
        assertThat(sessionFactory.getStatistics().isStatisticsEnabled()).isTrue();
        Section section = fixtures.section("Plans");
        Tag a = fixtures.tag("Plan tag A", TagType.TOPIC);
        Tag b = fixtures.tag("Plan tag B", TagType.TOPIC);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            articles.add(fixtures.article("Plan article " + i).section(section).tags(a, b).publishedAt(T.plusSeconds(i)).save());
        }

        // the first article's related posts make the statement (and its plan) for articles with two tags
        given().get("/v1/articles/" + articles.get(0).slug + "/related").then().statusCode(200).body("items", hasSize(3));
        long[] first = plans("shared from");
        assertThat(first[2]).as("statements of the related posts").isPositive();

        for (Article other : articles.subList(1, 4)) {
            given().get("/v1/articles/" + other.slug + "/related").then().statusCode(200).body("items", hasSize(3));
        }
        long[] after = plans("shared from");
        assertThat(after[2]).as("the same statement text for every article with two tags").isEqualTo(first[2]);
        assertThat(after[0]).as("no new plan for the same statement").isEqualTo(first[0]);
        assertThat(after[1]).as("the cached plan is used").isGreaterThanOrEqualTo(first[1] + 3);
    }

    @Test
    void searchesForOtherWordsReuseTheStatementAndItsPlan() {
        List<String> words = Arrays.asList("plinthwort", "quarrelsome", "brackenfold", "stilbury");
        for (String w : words) {
            fixtures.article("Planned " + w).body("<p>" + w + "</p>", "About " + w + ".").save();
        }
        given().queryParam("q", words.get(0)).get("/v1/search").then().statusCode(200).body("items", hasSize(1));
        String fragment = Databases.postgres() ? "to_tsquery" : "regexp_like";
        long[] first = plans(fragment);
        assertThat(first[2]).as("statements of the search").isPositive();

        for (String w : words.subList(1, 4)) {
            given().queryParam("q", w).get("/v1/search").then().statusCode(200).body("items", hasSize(1));
        }
        long[] after = plans(fragment);
        assertThat(after[2]).as("the same statement texts for searches of one word").isEqualTo(first[2]);
        assertThat(after[0]).as("no new plan for the same statements").isEqualTo(first[0]);
    }
}
