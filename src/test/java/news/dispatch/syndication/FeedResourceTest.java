package news.dispatch.syndication;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.dispatch.access.Role;
import news.dispatch.article.Article;
import news.dispatch.article.BylineRole;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestCallers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class FeedResourceTest {

    @Inject
    Fixtures fixtures;

    record Content(Section section, Tag tag, Byline byline, Article lead, Article older, Article embargoed, Article withheld) {
    }

    Content content() {
        Section section = fixtures.section("Feeds");
        Tag tag = fixtures.tag("Iraq feeds", TagType.PLACE);
        Byline byline = fixtures.byline("ESTA feeds", BylineKind.ORGANISATION);
        Instant t = Instant.parse("2021-07-10T09:30:00Z");
        Article older = fixtures.article("Older feed story").section(section).tags(tag).publishedAt(t.minusSeconds(3600))
                .body("<p>Older body text.</p>", "Older body text.").save();
        Article lead = fixtures.article("Iraqi prime minister to meet Biden in Washington this month").section(section)
                .tags(tag).byline(byline, BylineRole.AGENCY).publishedAt(t)
                .standfirst("Kadhimi received an invitation two weeks ago.")
                .dateline("SULAIMANI", "ESTA")
                .body("<p>Iraqi Prime Minister Mustafa al-Kadhimi will pay a visit to the United States this month.</p>",
                        "Iraqi Prime Minister Mustafa al-Kadhimi will pay a visit to the United States this month.")
                .leadImage("https://www.example.com/media/kadhimi.jpg", "Iraqi Prime Minister Mustafa al-Kadhimi", "PM office", true)
                .save();
        Article embargoed = fixtures.article("Embargoed feed story").section(section).tags(tag).publishedAt(t.plusSeconds(60))
                .syndication(true, Instant.now().plusSeconds(3600)).save();
        Article withheld = fixtures.article("Withheld feed story").section(section).tags(tag).publishedAt(t.plusSeconds(120))
                .syndication(false, null).save();
        return new Content(section, tag, byline, lead, older, embargoed, withheld);
    }

    static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new InputSource(new StringReader(xml)));
    }

    @Nested
    class Rss {
        @Test
        void sectionFeedParsesWithMediaRssAndLeavesOutWithheldStories() throws Exception {
            Content c = content();
            Response response = given().get("/v1/feeds/sections/" + c.section().slug + ".rss");
            response.then().statusCode(200)
                    .contentType(startsWith("application/rss+xml"))
                    .header("ETag", notNullValue())
                    .header("Last-Modified", nullValue())
                    .header("Cache-Control", startsWith("public"));
            String xml = response.asString();
            assertThat(xml).contains("xmlns:media=\"http://search.yahoo.com/mrss/\"");
            SyndFeed feed = parse(xml);
            assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
            assertThat(feed.getTitle()).contains("Feeds");
            assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
                    .containsExactly(c.lead().headline, c.older().headline);
            SyndEntry entry = feed.getEntries().get(0);
            assertThat(entry.getLink()).endsWith("/" + c.lead().slug);
            assertThat(entry.getDescription().getValue()).isEqualTo("Kadhimi received an invitation two weeks ago.");
            assertThat(entry.getContents()).as("no full text for anonymous readers").isEmpty();
            assertThat(entry.getAuthor()).isEqualTo("ESTA feeds");
            assertThat(xml).contains("<dc:creator>ESTA feeds</dc:creator>");
            MediaEntryModule media = (MediaEntryModule) entry.getModule(MediaModule.URI);
            assertThat(media.getMediaContents()).hasSize(1);
            assertThat(media.getMediaContents()[0].getReference().toString()).isEqualTo("https://www.example.com/media/kadhimi.jpg");
            assertThat(media.getMediaContents()[0].getMetadata().getDescription()).isEqualTo("Iraqi Prime Minister Mustafa al-Kadhimi");
            assertThat(media.getMediaContents()[0].getMetadata().getCredits()[0].getName()).isEqualTo("PM office");
            // The older story has no standfirst: its summary is the start of the body.
            assertThat(feed.getEntries().get(1).getDescription().getValue()).isEqualTo("Older body text.");
        }

        @Test
        void partnerWithFullTextGetsTheBody() throws Exception {
            Content c = content();
            String xml = given().header(TestCallers.HEADER, TestCallers.header(Role.PARTNER, true, Set.of(), Set.of()))
                    .get("/v1/feeds/tags/" + c.tag().slug + ".rss").then().statusCode(200).extract().asString();
            assertThat(xml).contains("content:encoded");
            SyndEntry entry = parse(xml).getEntries().get(0);
            assertThat(entry.getContents().get(0).getValue()).contains("will pay a visit to the United States");
        }

        @Test
        void partnerOutsideItsEntitlementsGetsAnEmptyFeed() throws Exception {
            Content c = content();
            Section other = fixtures.section("Not this partner's");
            String xml = given().header(TestCallers.HEADER, TestCallers.header(Role.PARTNER, true, Set.of(other.id), Set.of()))
                    .get("/v1/feeds/sections/" + c.section().slug + ".rss").then().statusCode(200).extract().asString();
            assertThat(parse(xml).getEntries()).isEmpty();
        }

        @Test
        void editorsSeeEverythingPublished() throws Exception {
            Content c = content();
            String xml = given().header(TestCallers.HEADER, TestCallers.editor())
                    .get("/v1/feeds/sections/" + c.section().slug + ".rss").then().statusCode(200).extract().asString();
            assertThat(parse(xml).getEntries()).extracting(SyndEntry::getTitle)
                    .containsExactly(c.withheld().headline, c.embargoed().headline, c.lead().headline, c.older().headline);
        }
    }

    @Nested
    class Atom {
        @Test
        void bylineFeedIsAtom() throws Exception {
            Content c = content();
            String xml = given().get("/v1/feeds/bylines/" + c.byline().slug + ".atom").then().statusCode(200)
                    .contentType(startsWith("application/atom+xml"))
                    .extract().asString();
            assertThat(xml).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
            SyndFeed feed = parse(xml);
            assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(feed.getEntries()).hasSize(1);
            SyndEntry entry = feed.getEntries().get(0);
            assertThat(entry.getUri()).isEqualTo("urn:uuid:" + c.lead().id);
            assertThat(entry.getTitle()).isEqualTo(c.lead().headline);
            MediaEntryModule media = (MediaEntryModule) entry.getModule(MediaModule.URI);
            assertThat(media.getMediaContents()[0].getMetadata().getCredits()[0].getName()).isEqualTo("PM office");
        }
    }

    @Nested
    class JsonFeed {
        @Test
        void tagFeedIsJsonFeed11() {
            Content c = content();
            given().get("/v1/feeds/tags/" + c.tag().slug + ".json").then().statusCode(200)
                    .contentType(startsWith("application/feed+json"))
                    .body("version", equalTo("https://jsonfeed.org/version/1.1"))
                    .body("feed_url", startsWith("http"))
                    .body("feed_url", containsString("/v1/feeds/tags/" + c.tag().slug + ".json"))
                    .body("items", hasSize(2))
                    .body("items[0].id", equalTo("urn:uuid:" + c.lead().id))
                    .body("items[0].title", equalTo(c.lead().headline))
                    .body("items[0].content_text", equalTo("Kadhimi received an invitation two weeks ago."))
                    .body("items[0].content_html", nullValue())
                    .body("items[0].image", equalTo("https://www.example.com/media/kadhimi.jpg"))
                    .body("items[0].date_published", equalTo("2021-07-10T09:30:00Z"))
                    .body("items[0].authors[0].name", equalTo("ESTA feeds"))
                    .body("items[0]._dispatch.leadImage.caption", equalTo("Iraqi Prime Minister Mustafa al-Kadhimi"))
                    .body("items[0]._dispatch.leadImage.credit", equalTo("PM office"))
                    .body("items[0]._dispatch.slug", equalTo(c.lead().slug));
        }

        @Test
        void fullTextForPartnersAllowedIt() {
            Content c = content();
            given().header(TestCallers.HEADER, TestCallers.header(Role.PARTNER, true, Set.of(), Set.of()))
                    .get("/v1/feeds/tags/" + c.tag().slug + ".json").then().statusCode(200)
                    .body("items[0].content_html", startsWith("<p>Iraqi Prime Minister"))
                    .body("items[0].content_text", nullValue());
        }

        @Test
        void latestFeedAcceptsAnApiKeyParameter() {
            given().queryParam("apiKey", "some-key").get("/v1/feeds/latest.json").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 401))
                    .body("feed_url", org.hamcrest.Matchers.anyOf(nullValue(), org.hamcrest.Matchers.not(containsString("apiKey"))));
        }
    }

    @Nested
    class Caching {
        @Test
        void conditionalGetAnswers304UntilTheFeedChanges() {
            Content c = content();
            String url = "/v1/feeds/sections/" + c.section().slug + ".atom";
            String etag = given().get(url).then().statusCode(200).extract().header("ETag");
            given().header("If-None-Match", etag).get(url).then().statusCode(304).header("ETag", etag);
            fixtures.article("Newest feed story").section(c.section()).save();
            given().header("If-None-Match", etag).get(url).then().statusCode(200)
                    .header("ETag", org.hamcrest.Matchers.not(equalTo(etag)));
        }
    }

    @Nested
    class Errors {
        @Test
        void unknownSectionTagOrBylineIs404() {
            given().get("/v1/feeds/sections/no-such-section-x.rss").then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo("urn:dispatch:problem:not-found"));
            given().get("/v1/feeds/tags/no-such-tag-x.json").then().statusCode(404);
            given().get("/v1/feeds/bylines/no-such-byline-x.atom").then().statusCode(404);
        }

        @Test
        void unknownFormatIs404AndUnknownParameterIs400() {
            given().get("/v1/feeds/latest.xml").then().statusCode(404).contentType("application/problem+json");
            given().queryParam("limit", 5).get("/v1/feeds/latest.rss").then().statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
    }

}
