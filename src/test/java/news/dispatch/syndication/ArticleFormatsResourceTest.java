package news.dispatch.syndication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.article.BylineRole;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ArticleFormatsResourceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Fixtures fixtures;
    @Inject
    TestKeys keys;

    /** The seed sample (sample/esta-kadhimi-biden-visit.txt) as an article, mapped as API.md shows. */
    Article sample(Section section) {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/sample/esta-kadhimi-biden-visit.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String headline = lines.get(0);
        List<String> paragraphs = new ArrayList<>(lines.subList(2, lines.size()));
        paragraphs.set(0, paragraphs.get(0).replaceFirst("^SULAIMANI \\(ESTA\\) — ", ""));
        String html = String.join("", paragraphs.stream().map(p -> "<p>" + p.replace("&", "&amp;") + "</p>").toList());
        Tag iraq = fixtures.tag("Iraq", TagType.PLACE);
        Tag kadhimi = fixtures.tag("Mustafa al-Kadhimi", TagType.PERSON);
        Tag diplomacy = fixtures.tag("Diplomacy", TagType.TOPIC);
        Tag pentagon = fixtures.tag("Pentagon", TagType.ORGANISATION);
        Byline esta = fixtures.byline("ESTA", BylineKind.ORGANISATION);
        Byline reporter = fixtures.byline("Reporter Name", BylineKind.PERSON);
        return fixtures.article(headline).section(section).tags(iraq, kadhimi, diplomacy, pentagon)
                .byline(esta, BylineRole.AGENCY).byline(reporter, BylineRole.AUTHOR)
                .dateline("SULAIMANI", "ESTA")
                .standfirst("Kadhimi received an invitation from the U.S. two weeks ago.")
                .leadImage("https://www.example.com/media/kadhimi.jpg", "Iraqi Prime Minister Mustafa al-Kadhimi", "PM office", true)
                .body(html, String.join("\n\n", paragraphs))
                .publishedAt(Instant.parse("2021-07-10T09:30:00Z"))
                .correction("An earlier version misspelt the prime minister's name.")
                .save();
    }

    JsonNode ninjs(String slug, String accept, String caller) throws IOException {
        String body = keys.as(caller).accept(accept).get("/v1/articles/" + slug).then().statusCode(200)
                .contentType(startsWith("application/ninjs+json"))
                .header("ETag", notNullValue())
                .extract().asString();
        return JSON.readTree(body);
    }

    /** A list in ninjs as this caller (a key, or null) gets it: every item valid against the IPTC schema, partial. */
    List<String> ninjsList(String caller, String path, String accept) throws IOException {
        boolean v22 = accept.endsWith("2.2");
        String body = keys.as(caller).accept(accept).get(path).then().statusCode(200)
                .contentType(startsWith("application/ninjs+json"))
                .contentType(org.hamcrest.Matchers.containsString("version=" + (v22 ? "2.2" : "3.1")))
                .header("ETag", notNullValue())
                .extract().asString();
        JsonNode page = JSON.readTree(body);
        assertThat(page.path("page").path("limit").asInt()).isEqualTo(20);
        List<String> slugs = new ArrayList<>();
        for (JsonNode document : page.path("items")) {
            assertThat(NinjsSchemas.errors(v22 ? NinjsSchemas.V2_2 : NinjsSchemas.V3_1, document)).as(path).isEmpty();
            assertThat(document.path(v22 ? "representationtype" : "representationType").asText()).isEqualTo("partial");
            assertThat(document.has("bodies")).isFalse();
            slugs.add(document.path("slugline").asText());
        }
        return slugs;
    }

    static List<String> slugs(List<Article> articles) {
        return articles.stream().map(a -> a.slug).toList();
    }

    static void assertSlugs(List<String> actual, List<String> expected, boolean anyOrder) {
        if (anyOrder) {
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        } else {
            assertThat(actual).containsExactlyElementsOf(expected);
        }
    }

    @Nested
    class Ninjs {
        @Test
        void translationsAreTextAssociationsInBothVersions() throws IOException {
            String u = news.dispatch.testsupport.Fixtures.unique("nt").replace("-", "");
            java.util.Map<String, Object> english = new java.util.HashMap<>(java.util.Map.of("headline", "Dam talks " + u,
                    "body", java.util.Map.of("html", "<p>Dam talks.</p>"), "language", "en", "status", "published"));
            String englishSlug = keys.asEditor().contentType("application/json").body(english).post("/v1/articles")
                    .then().statusCode(201).extract().path("slug");
            java.util.Map<String, Object> sorani = new java.util.HashMap<>(java.util.Map.of("headline", "گفتوگۆی بەنداو " + u,
                    "body", java.util.Map.of("html", "<p>گفتوگۆ.</p>"), "language", "ckb", "status", "published",
                    "translationOf", englishSlug));
            String soraniId = keys.asEditor().contentType("application/json").body(sorani).post("/v1/articles")
                    .then().statusCode(201).extract().path("id");
            for (String accept : List.of("application/ninjs+json", "application/ninjs+json;version=2.2")) {
                JsonNode doc = ninjs(englishSlug, accept, null);
                assertThat(NinjsSchemas.errors(accept.endsWith("2.2") ? NinjsSchemas.V2_2 : NinjsSchemas.V3_1, doc)).as(accept).isEmpty();
                assertThat(doc.path("language").asText()).isEqualTo("en");
                JsonNode translation = doc.path("associations").get(0);
                assertThat(translation.path("name").asText()).isEqualTo("translation-ckb");
                assertThat(translation.path("language").asText()).isEqualTo("ckb");
                assertThat(translation.path("type").asText()).isEqualTo("text");
                assertThat(translation.path("uri").asText()).endsWith(soraniId);
                assertThat(translation.path("headlines").get(0).path("value").asText()).isEqualTo("گفتوگۆی بەنداو " + u);
                if (!accept.endsWith("2.2")) {
                    assertThat(translation.path("rel").asText()).isEqualTo("translation");
                }
            }
            // from the translation, the original is the association with rel translationOf
            JsonNode fromSorani = ninjs(soraniId, "application/ninjs+json", null);
            assertThat(fromSorani.path("associations").get(0).path("rel").asText()).isEqualTo("translationOf");
            assertThat(fromSorani.path("associations").get(0).path("language").asText()).isEqualTo("en");
        }

        @Test
        void sampleArticleIsValidNinjs31WithBodyForFullTextPartners() throws IOException {
            Article a = sample(fixtures.section("World"));
            JsonNode doc = ninjs(a.slug, "application/ninjs+json", keys.fullTextPartner());
            assertThat(NinjsSchemas.errors(NinjsSchemas.V3_1, doc)).isEmpty();
            assertThat(doc.path("uri").asText()).isEqualTo("urn:dispatch:article:" + a.id);
            assertThat(doc.path("type").asText()).isEqualTo("text");
            assertThat(doc.path("representationType").asText()).isEqualTo("full");
            assertThat(doc.path("headlines").get(0).path("value").asText())
                    .isEqualTo("Iraqi prime minister to meet Biden in Washington this month");
            assertThat(doc.path("bodies").get(0).path("value").asText()).startsWith("<p>Iraqi Prime Minister Mustafa al-Kadhimi will pay");
            assertThat(doc.path("located").asText()).isEqualTo("SULAIMANI");
            assertThat(doc.path("infoSources").get(0).path("name").asText()).isEqualTo("ESTA");
            assertThat(doc.path("by").asText()).isEqualTo("ESTA, Reporter Name");
            assertThat(doc.path("firstCreated").asText()).isEqualTo("2021-07-10T09:30:00Z");
            assertThat(doc.path("language").asText()).isEqualTo("en");
            JsonNode image = doc.path("associations").get(0);
            assertThat(image.path("type").asText()).isEqualTo("picture");
            assertThat(image.path("descriptions").get(0).path("value").asText()).isEqualTo("Iraqi Prime Minister Mustafa al-Kadhimi");
            assertThat(image.path("by").asText()).isEqualTo("PM office");
            assertThat(doc.path("places").get(0).path("name").asText()).isEqualTo("Iraq");
            assertThat(doc.path("people").findValuesAsText("name")).contains("Mustafa al-Kadhimi", "Reporter Name");
            assertThat(doc.path("organisations").findValuesAsText("name")).contains("ESTA", "Pentagon");
            assertThat(doc.path("subjects").findValuesAsText("name")).contains("World", "Diplomacy");
            assertThat(doc.path("standard").path("version").asText()).isEqualTo("3.1");
        }

        @Test
        void correctionsAreDescriptionsWithTheirRoleInBothVersions() throws IOException {
            Article a = sample(fixtures.section("World"));
            for (String accept : List.of("application/ninjs+json", "application/ninjs+json;version=2.2")) {
                JsonNode doc = ninjs(a.slug, accept, null);
                assertThat(NinjsSchemas.errors(accept.endsWith("2.2") ? NinjsSchemas.V2_2 : NinjsSchemas.V3_1, doc)).isEmpty();
                List<String> roles = new ArrayList<>();
                doc.path("descriptions").forEach(d -> roles.add(d.path("role").asText()));
                assertThat(roles).containsExactly("summary", "correction");
                assertThat(doc.path("descriptions").get(1).path("value").asText())
                        .matches("\\d{4}-\\d{2}-\\d{2}: An earlier version misspelt the prime minister's name\\.");
            }
        }

        @Test
        void version22OnRequest() throws IOException {
            Article a = sample(fixtures.section("World"));
            JsonNode doc = ninjs(a.slug, "application/ninjs+json;version=2.2", keys.fullTextPartner());
            assertThat(NinjsSchemas.errors(NinjsSchemas.V2_2, doc)).isEmpty();
            assertThat(doc.has("versioncreated")).isTrue();
            assertThat(doc.has("versionCreated")).isFalse();
            assertThat(doc.path("associations").get(0).has("rel")).isFalse();
            assertThat(doc.path("standard").path("version").asText()).isEqualTo("2.2");
            given().accept("application/ninjs+json;version=2.2").get("/v1/articles/" + a.slug).then()
                    .contentType(startsWith("application/ninjs+json")).contentType(org.hamcrest.Matchers.containsString("version=2.2"));
        }

        @Test
        void summaryOnlyWithoutFullTextAndStillValid() throws IOException {
            Article a = sample(fixtures.section("World"));
            for (String caller : new String[]{null, keys.partner()}) {
                JsonNode doc = ninjs(a.slug, "application/ninjs+json", caller);
                assertThat(NinjsSchemas.errors(NinjsSchemas.V3_1, doc)).isEmpty();
                assertThat(doc.path("representationType").asText()).isEqualTo("partial");
                assertThat(doc.has("bodies")).isFalse();
                assertThat(doc.path("descriptions").get(0).path("value").asText()).startsWith("Kadhimi received");
            }
        }

        @Test
        void withheldAndEmbargoedStoriesAre404InNinjsButNotForEditors() {
            Section section = fixtures.section("Rights ninjs");
            Article embargoed = fixtures.article("Embargoed ninjs").section(section)
                    .syndication(true, Instant.now().plusSeconds(3600)).save();
            Article withheld = fixtures.article("Withheld ninjs").section(section).syndication(false, null).save();
            for (Article a : List.of(embargoed, withheld)) {
                keys.as(keys.fullTextPartner()).accept("application/ninjs+json")
                        .get("/v1/articles/" + a.slug).then().statusCode(404).contentType("application/problem+json");
                given().accept("application/ninjs+json").get("/v1/articles/" + a.slug).then().statusCode(404);
                keys.asEditor().accept("application/ninjs+json")
                        .get("/v1/articles/" + a.slug).then().statusCode(200);
                // The site's own JSON shows readers the story not for syndication, never the embargoed one
                // (decision 102); a partner key is held to the rights there too.
                given().get("/v1/articles/" + a.slug).then().statusCode(a == withheld ? 200 : 404);
                keys.as(keys.fullTextPartner()).get("/v1/articles/" + a.slug).then().statusCode(404);
            }
            Section other = fixtures.section("Other ninjs");
            Article outside = fixtures.article("Outside entitlements").section(section).save();
            keys.as(keys.partner(true, List.of(other.slug), List.of())).accept("application/ninjs+json")
                    .get("/v1/articles/" + outside.slug).then().statusCode(404);
        }

        @Test
        void listIsAPageOfValidNinjsDocumentsWithoutWithheldStories() throws IOException {
            Section section = fixtures.section("Ninjs list");
            sample(section);
            fixtures.article("Plain story").section(section).publishedAt(Instant.parse("2021-07-11T10:00:00Z")).save();
            fixtures.article("Withheld in list").section(section).syndication(false, null).save();
            for (String accept : List.of("application/ninjs+json", "application/ninjs+json;version=2.2")) {
                String body = given().accept(accept).queryParam("section", section.slug).queryParam("limit", 1)
                        .get("/v1/articles").then().statusCode(200)
                        .contentType(startsWith("application/ninjs+json"))
                        .header("Link", notNullValue())
                        .body("page.limit", equalTo(1))
                        .extract().asString();
                JsonNode page = JSON.readTree(body);
                assertThat(page.path("items")).hasSize(1);
                var schema = accept.endsWith("2.2") ? NinjsSchemas.V2_2 : NinjsSchemas.V3_1;
                assertThat(NinjsSchemas.errors(schema, page.path("items").get(0))).isEmpty();
                String next = page.path("page").path("next").asText();
                JsonNode second = JSON.readTree(given().accept(accept).queryParam("section", section.slug)
                        .queryParam("limit", 5).queryParam("cursor", next).get("/v1/articles").then().statusCode(200)
                        .extract().asString());
                assertThat(second.path("items")).hasSize(1);
                assertThat(NinjsSchemas.errors(schema, second.path("items").get(0))).isEmpty();
                assertThat(second.path("page").path("next").isNull()).isTrue();
            }
        }

        @Test
        void sectionTagBylineAndSearchListsAnswerInNinjsUnderTheRights() throws IOException {
            Section section = fixtures.section("Ninjs lists");
            Section other = fixtures.section("Ninjs lists elsewhere");
            Tag tag = fixtures.tag("Ninjs lists", TagType.PLACE);
            Byline byline = fixtures.byline("Ninjs lists agency", BylineKind.ORGANISATION);
            String word = Fixtures.unique("okapi").replace("-", "");
            Instant t = Instant.parse("2021-07-10T09:30:00Z");
            Article open = fixtures.article("Open story " + word).section(section).tags(tag).byline(byline, BylineRole.AGENCY)
                    .standfirst("An open story.").publishedAt(t).save();
            Article elsewhere = fixtures.article("Elsewhere story " + word).section(other).tags(tag)
                    .byline(byline, BylineRole.AGENCY).publishedAt(t.minusSeconds(60)).save();
            Article withheld = fixtures.article("Withheld story " + word).section(section).tags(tag)
                    .byline(byline, BylineRole.AGENCY).publishedAt(t.plusSeconds(60)).syndication(false, null).save();
            Article embargoed = fixtures.article("Embargoed story " + word).section(section).tags(tag)
                    .byline(byline, BylineRole.AGENCY).publishedAt(t.plusSeconds(120))
                    .syndication(true, Instant.now().plusSeconds(3600)).save();
            String entitled = keys.partner(true, List.of(section.slug), List.of());

            // Path → (what readers and partners may take, what editors see), newest first (search: by relevance).
            Map<String, List<List<Article>>> lists = new LinkedHashMap<>();
            lists.put("/v1/sections/" + section.slug + "/articles", List.of(List.of(open), List.of(embargoed, withheld, open)));
            lists.put("/v1/tags/" + tag.slug + "/articles",
                    List.of(List.of(open, elsewhere), List.of(embargoed, withheld, open, elsewhere)));
            lists.put("/v1/bylines/" + byline.slug + "/articles",
                    List.of(List.of(open, elsewhere), List.of(embargoed, withheld, open, elsewhere)));
            lists.put("/v1/search?q=" + word, List.of(List.of(open, elsewhere), List.of(embargoed, withheld, open, elsewhere)));
            for (var list : lists.entrySet()) {
                boolean search = list.getKey().startsWith("/v1/search");
                List<String> syndicated = slugs(list.getValue().get(0));
                List<String> all = slugs(list.getValue().get(1));
                for (String accept : List.of("application/ninjs+json", "application/ninjs+json;version=2.2")) {
                    for (String caller : new String[]{null, keys.partner(), keys.fullTextPartner()}) {
                        assertSlugs(ninjsList(caller, list.getKey(), accept), syndicated, search);
                    }
                    assertSlugs(ninjsList(entitled, list.getKey(), accept), List.of(open.slug), search);
                    assertSlugs(ninjsList(keys.editor(), list.getKey(), accept), all, search);
                }
                // JSON stays the default, and the site's own readers see every published story there whose
                // embargo has passed (decision 102).
                given().get(list.getKey()).then().statusCode(200).contentType(startsWith("application/json"))
                        .body("items.slug", org.hamcrest.Matchers.containsInAnyOrder(
                                all.stream().filter(slug -> !slug.equals(embargoed.slug)).toArray()));
                given().accept("application/ninjs+json;version=9.9").get(list.getKey()).then().statusCode(406)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:dispatch:problem:not-acceptable"));
                given().accept("application/ninjs+json").queryParam("limit", 0).get(list.getKey()).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("limit"));
                given().accept("application/ninjs+json").queryParam("fields", "headline").get(list.getKey()).then()
                        .statusCode(400).contentType("application/problem+json")
                        .body("errors[0].field", equalTo("fields"));
            }

            // Pages go on by cursor, in ninjs as in JSON.
            String tagPath = "/v1/tags/" + tag.slug + "/articles";
            var first = given().accept("application/ninjs+json").queryParam("limit", 1).get(tagPath).then().statusCode(200)
                    .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""))
                    .body("items[0].slugline", equalTo(open.slug))
                    .extract().jsonPath();
            given().accept("application/ninjs+json").queryParam("limit", 1).queryParam("cursor", first.getString("page.next"))
                    .get(tagPath).then().statusCode(200)
                    .body("items.slugline", org.hamcrest.Matchers.contains(elsewhere.slug))
                    .body("page.next", org.hamcrest.Matchers.nullValue());
            // An unknown section, tag or byline is a 404 in ninjs too.
            for (String path : List.of("/v1/sections/no-such-section-n/articles", "/v1/tags/no-such-tag-n/articles",
                    "/v1/bylines/no-such-byline-n/articles")) {
                given().accept("application/ninjs+json").get(path).then().statusCode(404)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:dispatch:problem:not-found"));
            }
        }

        @Test
        void theDocumentedExamplesAreValidNinjs() throws IOException {
            JsonNode openapi = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .extract().asString());
            JsonNode article = openapi.at("/paths/~1v1~1articles~1{slug}/get/responses/200/content/application~1ninjs+json/example");
            assertThat(article.isObject()).isTrue();
            assertThat(NinjsSchemas.errors(NinjsSchemas.V3_1, article)).isEmpty();
            for (String path : List.of("~1v1~1articles", "~1v1~1sections~1{slug}~1articles", "~1v1~1tags~1{slug}~1articles",
                    "~1v1~1bylines~1{slug}~1articles", "~1v1~1search")) {
                JsonNode page = openapi.at("/paths/" + path + "/get/responses/200/content/application~1ninjs+json/example");
                assertThat(page.path("items")).as(path).isNotEmpty();
                for (JsonNode item : page.path("items")) {
                    assertThat(NinjsSchemas.errors(NinjsSchemas.V3_1, item)).as(path).isEmpty();
                }
                assertThat(openapi.at("/paths/" + path + "/get/responses/200/content/application~1ninjs+json/schema/$ref")
                        .asText()).isEqualTo("#/components/schemas/NinjsPage");
            }
        }

        @Test
        void unknownVersionIs406AndBadListParameterIs400() {
            Article a = fixtures.article("Version story").save();
            given().accept("application/ninjs+json;version=9.9").get("/v1/articles/" + a.slug).then().statusCode(406)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:dispatch:problem:not-acceptable"));
            given().accept("application/ninjs+json").queryParam("limit", 500).get("/v1/articles").then().statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
            given().accept("application/ninjs+json").get("/v1/articles/no-such-story-x").then().statusCode(404);
        }

        @Test
        void plainJsonIsUnchanged() {
            Article a = fixtures.article("Plain JSON story").save();
            given().get("/v1/articles/" + a.slug).then().statusCode(200).contentType(startsWith("application/json"))
                    .body("headline", equalTo("Plain JSON story"));
            given().accept("application/json").get("/v1/articles/" + a.slug).then().statusCode(200)
                    .contentType(startsWith("application/json"));
            given().accept("*/*").get("/v1/articles/" + a.slug).then().statusCode(200)
                    .contentType(startsWith("application/json"));
            given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/v1/articles/" + a.slug).then().statusCode(200)
                    .contentType(startsWith("application/json"));
        }

        @Test
        void theSchemasAcceptIptcExamplesAndRejectBrokenDocuments() throws IOException {
            for (String version : List.of("3.1", "2.2")) {
                var schema = version.equals("3.1") ? NinjsSchemas.V3_1 : NinjsSchemas.V2_2;
                Path dir = Path.of("/work/shared/ninjs/examples", version);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        // 002 uses "renditions-example" as its uri, which is not an RFC 3986 URI; we assert formats.
                        for (Path file : files.filter(f -> !f.toString().contains("002_")).toList()) {
                            assertThat(NinjsSchemas.errors(schema, JSON.readTree(file.toFile()))).as(file.toString()).isEmpty();
                        }
                    }
                }
                assertThat(NinjsSchemas.errors(schema, JSON.readTree("{\"type\":\"text\"}"))).isNotEmpty();
                assertThat(NinjsSchemas.errors(schema, JSON.readTree("{\"uri\":\"urn:x:1\",\"headline\":\"x\"}"))).isNotEmpty();
            }
        }
    }

    @Nested
    class SchemaOrg {
        @Test
        void articleIsANewsArticle() {
            Article a = sample(fixtures.section("World"));
            given().accept("application/ld+json").get("/v1/articles/" + a.slug).then().statusCode(200)
                    .contentType(startsWith("application/ld+json"))
                    .header("ETag", notNullValue())
                    .body("'@context'", equalTo("https://schema.org"))
                    .body("'@type'", equalTo("NewsArticle"))
                    .body("headline", equalTo("Iraqi prime minister to meet Biden in Washington this month"))
                    .body("dateline", equalTo("SULAIMANI (ESTA)"))
                    .body("author[0].'@type'", equalTo("Organization"))
                    .body("author[0].name", equalTo("ESTA"))
                    .body("author[1].'@type'", equalTo("Person"))
                    .body("image.url", equalTo("https://www.example.com/media/kadhimi.jpg"))
                    .body("image.caption", equalTo("Iraqi Prime Minister Mustafa al-Kadhimi"))
                    .body("image.creditText", equalTo("PM office"))
                    .body("datePublished", equalTo("2021-07-10T09:30:00Z"))
                    .body("dateModified", notNullValue())
                    .body("articleSection", equalTo("World"))
                    .body("inLanguage", equalTo("en"))
                    .body("keywords", org.hamcrest.Matchers.hasItem("Diplomacy"))
                    .body("correction", org.hamcrest.Matchers.hasSize(1))
                    .body("correction[0].'@type'", equalTo("CorrectionComment"))
                    .body("correction[0].text", equalTo("An earlier version misspelt the prime minister's name."))
                    .body("correction[0].datePublished", notNullValue())
                    .body("publisher.name", equalTo("Dispatch"));
        }

        @Test
        void conditionalGetAndNotFound() {
            Article a = fixtures.article("LD story").save();
            String etag = given().accept("application/ld+json").get("/v1/articles/" + a.slug).then().statusCode(200)
                    .extract().header("ETag");
            given().accept("application/ld+json").header("If-None-Match", etag).get("/v1/articles/" + a.slug)
                    .then().statusCode(304);
            given().accept("application/ld+json").get("/v1/articles/no-such-ld-story").then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

}
