package news.dispatch.syndication;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

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
    @Inject
    TestKeys keys;
    @Inject
    news.dispatch.testsupport.ContentChanges changes;
    @Inject
    jakarta.persistence.EntityManager em;

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
            String xml = keys.as(keys.fullTextPartner())
                    .get("/v1/feeds/tags/" + c.tag().slug + ".rss").then().statusCode(200).extract().asString();
            assertThat(xml).contains("content:encoded");
            SyndEntry entry = parse(xml).getEntries().get(0);
            assertThat(entry.getContents().get(0).getValue()).contains("will pay a visit to the United States");
        }

        @Test
        void partnerOutsideItsEntitlementsGetsAnEmptyFeed() throws Exception {
            Content c = content();
            Section other = fixtures.section("Not this partner's");
            String xml = keys.as(keys.partner(true, List.of(other.slug), List.of()))
                    .get("/v1/feeds/sections/" + c.section().slug + ".rss").then().statusCode(200).extract().asString();
            assertThat(parse(xml).getEntries()).isEmpty();
        }

        @Test
        void editorsSeeEverythingPublished() throws Exception {
            Content c = content();
            String xml = keys.asEditor()
                    .get("/v1/feeds/sections/" + c.section().slug + ".rss").then().statusCode(200).extract().asString();
            assertThat(parse(xml).getEntries()).extracting(SyndEntry::getTitle)
                    .containsExactly(c.withheld().headline, c.embargoed().headline, c.lead().headline, c.older().headline);
        }
    }

    @Nested
    class FeedReaders {
        @Test
        void rssNamesItselfAndCarriesTheLeadImageAsATypedEnclosure() {
            Content c = content();
            String xml = given().get("/v1/feeds/sections/" + c.section().slug + ".rss").then().statusCode(200)
                    .extract().asString();
            assertThat(xml).containsPattern("<atom:link [^>]*rel=\"self\"[^>]*/>")
                    .containsPattern("<atom:link [^>]*href=\"http[^\"]*/v1/feeds/sections/" + c.section().slug + "\\.rss\"")
                    .containsPattern("<atom:link [^>]*type=\"application/rss\\+xml\"");
            assertThat(xml).containsPattern("<enclosure url=\"https://www.example.com/media/kadhimi.jpg\" length=\"0\" type=\"image/jpeg\"\\s*/>");
            assertThat(xml).containsPattern("<media:content [^>]*type=\"image/jpeg\"");
        }

        @Test
        void atomHasAFeedAuthorSoEntriesWithoutBylineStayValid() throws Exception {
            Section section = fixtures.section("Unsigned feeds");
            fixtures.article("Unsigned feed story").section(section).save();
            String xml = given().get("/v1/feeds/sections/" + section.slug + ".atom").then().statusCode(200)
                    .extract().asString();
            String head = xml.substring(0, xml.indexOf("<entry"));
            assertThat(head).contains("<author><name>Dispatch</name></author>");
            assertThat(xml.substring(xml.indexOf("<entry"))).doesNotContain("<author>");
            SyndFeed feed = parse(xml);
            assertThat(feed.getAuthors()).extracting(p -> p.getName()).containsExactly("Dispatch");
        }

        @org.junit.jupiter.api.AfterEach
        void resetClock() {
            news.dispatch.testsupport.TestClock.reset();
        }

        @Test
        void feedsAndListsSendLastModifiedAndAnswerIfModifiedSince() throws Exception {
            // Tests that moved the clock forward may have left entries in the future: Last-Modified waits for them.
            Instant newest = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select max(e.at) from ChangeEvent e", Instant.class).getSingleResult());
            if (newest != null && newest.isAfter(news.dispatch.testsupport.TestClock.now())) {
                news.dispatch.testsupport.TestClock.advance(
                        java.time.Duration.between(news.dispatch.testsupport.TestClock.now(), newest).plusSeconds(1));
            }
            Section section = fixtures.section("Revalidated feeds");
            changes.create(fixtures.article("First revalidated story").section(section));
            Thread.sleep(2100); // the newest change must be settled (decision 103)
            for (String path : List.of("/v1/feeds/sections/" + section.slug + ".rss", "/v1/feeds/sections/" + section.slug + ".json",
                    "/v1/sections/" + section.slug + "/articles", "/v1/articles")) {
                String lastModified = given().get(path).then().statusCode(200)
                        .header("Last-Modified", notNullValue()).extract().header("Last-Modified");
                given().header("If-Modified-Since", lastModified).get(path).then().statusCode(304)
                        .header("Last-Modified", equalTo(lastModified));
            }
            String feed = "/v1/feeds/sections/" + section.slug + ".atom";
            String before = given().get(feed).then().statusCode(200).extract().header("Last-Modified");
            Thread.sleep(1000);
            changes.create(fixtures.article("Second revalidated story").section(section));
            Thread.sleep(2100);
            given().header("If-Modified-Since", before).get(feed).then().statusCode(200)
                    .body(containsString("Second revalidated story"));
            given().header("If-Modified-Since", before).get("/v1/sections/" + section.slug + "/articles").then().statusCode(200)
                    .body("items.headline", org.hamcrest.Matchers.hasItem("Second revalidated story"));
        }
    }

    @Nested
    class Corrections {
        @Test
        void correctionsTravelInEveryFormat() throws Exception {
            Section section = fixtures.section("Corrected feeds");
            Article a = fixtures.article("Corrected feed story").section(section)
                    .correction("An earlier version misstated the date & place.").save();
            for (String ext : List.of("rss", "atom")) {
                String xml = given().get("/v1/feeds/sections/" + section.slug + "." + ext).then().statusCode(200)
                        .extract().asString();
                assertThat(xml).contains("xmlns:dispatch=\"urn:dispatch:feed\"")
                        .containsPattern("<dispatch:correction at=\"[0-9T:.\\-]+Z\">An earlier version misstated the date &amp; place.</dispatch:correction>");
                assertThat(parse(xml).getEntries()).hasSize(1);
            }
            given().get("/v1/feeds/sections/" + section.slug + ".json").then().statusCode(200)
                    .body("items[0].id", equalTo("urn:uuid:" + a.id))
                    .body("items[0]._dispatch.corrections", hasSize(1))
                    .body("items[0]._dispatch.corrections[0].text", equalTo("An earlier version misstated the date & place."))
                    .body("items[0]._dispatch.corrections[0].at", notNullValue());
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
    class Languages {
        @Test
        void aFeedPerLanguageMarkedWithIt() throws Exception {
            Section section = fixtures.section("Languages");
            Instant t = Instant.parse("2021-08-01T09:00:00Z");
            Article english = fixtures.article("Kurdistan votes").section(section).publishedAt(t).save();
            Article sorani = fixtures.article("هەڵبژاردنی پەرلەمانی کوردستان").language("ckb").section(section)
                    .publishedAt(t.plusSeconds(60)).save();
            String path = "/v1/feeds/sections/" + section.slug;

            // RSS: only that language, and <language>
            String rss = given().queryParam("lang", "ckb").get(path + ".rss").then().statusCode(200).extract().asString();
            SyndFeed feed = parse(rss);
            assertThat(feed.getLanguage()).isEqualTo("ckb");
            assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly(sorani.headline);
            // the feed's self link keeps its language, so a reader that follows it stays on that feed
            assertThat(rss).contains(path + ".rss?lang=ckb\"");

            // Atom: xml:lang on the feed; without lang=, on each entry in its own language
            String atom = given().queryParam("lang", "en").get(path + ".atom").then().statusCode(200).extract().asString();
            assertThat(atom).contains("xml:lang=\"en\"").doesNotContain(sorani.headline)
                    .contains("<id>urn:dispatch:feed:sections:" + section.slug + ":en</id>");
            String mixed = given().get(path + ".atom").then().statusCode(200).extract().asString();
            assertThat(mixed).contains("<entry xml:lang=\"ckb\"").contains("<entry xml:lang=\"en\"");
            assertThat(parse(mixed).getEntries()).hasSize(2);

            // JSON Feed: language at the top and on each item
            given().queryParam("lang", "ckb").get(path + ".json").then().statusCode(200)
                    .body("language", equalTo("ckb"))
                    .body("items", hasSize(1))
                    .body("items[0].language", equalTo("ckb"))
                    .body("feed_url", org.hamcrest.Matchers.endsWith(path + ".json?lang=ckb"));
            given().get(path + ".json").then().statusCode(200).body("language", nullValue()).body("items", hasSize(2))
                    .header("Content-Language", nullValue());
            given().queryParam("lang", "ckb").get(path + ".rss").then().statusCode(200).header("Content-Language", "ckb");

            // the tag is canonicalised; a tag that is no language is a 400 problem
            given().queryParam("lang", "CKB").get(path + ".json").then().statusCode(200).body("language", equalTo("ckb"));
            given().queryParam("lang", "not a language").get(path + ".rss").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("lang"));
            assertThat(english.language).isEqualTo("en");
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
            keys.as(keys.fullTextPartner())
                    .get("/v1/feeds/tags/" + c.tag().slug + ".json").then().statusCode(200)
                    .body("items[0].content_html", startsWith("<p>Iraqi Prime Minister"))
                    .body("items[0].content_text", nullValue());
        }
    }

    /** Feed readers cannot send headers: the key travels as {@code ?apiKey=}, with the same rights as a bearer key. */
    @Nested
    class ApiKeyParameter {
        @Test
        void fullTextOnlyForPartnersAllowedIt() throws Exception {
            Content c = content();
            String rss = "/v1/feeds/tags/" + c.tag().slug + ".rss";
            String full = given().queryParam("apiKey", keys.fullTextPartner()).get(rss).then().statusCode(200)
                    .header("Cache-Control", startsWith("private"))
                    .extract().asString();
            assertThat(full).doesNotContain(keys.fullTextPartner());
            SyndFeed feed = parse(full);
            assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly(c.lead().headline, c.older().headline);
            assertThat(feed.getEntries().get(0).getContents().get(0).getValue()).contains("will pay a visit to the United States");

            String summaries = given().queryParam("apiKey", keys.partner()).get(rss).then().statusCode(200)
                    .header("Cache-Control", startsWith("private"))
                    .extract().asString();
            SyndEntry entry = parse(summaries).getEntries().get(0);
            assertThat(entry.getContents()).isEmpty();
            assertThat(entry.getDescription().getValue()).isEqualTo("Kadhimi received an invitation two weeks ago.");

            given().queryParam("apiKey", keys.fullTextPartner()).get("/v1/feeds/tags/" + c.tag().slug + ".json")
                    .then().statusCode(200)
                    .body("feed_url", org.hamcrest.Matchers.not(containsString("apiKey")))
                    .body("items[0].content_html", startsWith("<p>Iraqi Prime Minister"));
            given().queryParam("apiKey", keys.partner()).get("/v1/feeds/tags/" + c.tag().slug + ".json")
                    .then().statusCode(200)
                    .body("items[0].content_html", nullValue())
                    .body("items[0].content_text", equalTo("Kadhimi received an invitation two weeks ago."));
        }

        @Test
        void anEntitledPartnerGetsOnlyItsSectionsAndTags() throws Exception {
            Content c = content();
            Section elsewhere = fixtures.section("Feeds elsewhere");
            Tag onlyTag = fixtures.tag("Feeds entitled tag", TagType.TOPIC);
            Article outside = fixtures.article("Feed story in another section").section(elsewhere).tags(c.tag())
                    .publishedAt(Instant.parse("2021-07-10T09:35:00Z")).save();
            Article tagged = fixtures.article("Feed story with the entitled tag").section(c.section()).tags(onlyTag)
                    .publishedAt(Instant.parse("2021-07-10T09:40:00Z")).save();

            // The tag spans two sections; a partner entitled to one section gets that section's stories only.
            String bySection = keys.partner(false, List.of(c.section().slug), List.of());
            given().queryParam("apiKey", bySection).get("/v1/feeds/tags/" + c.tag().slug + ".json").then().statusCode(200)
                    .body("items._dispatch.slug", org.hamcrest.Matchers.contains(c.lead().slug, c.older().slug));
            given().get("/v1/feeds/tags/" + c.tag().slug + ".json").then().statusCode(200)
                    .body("items._dispatch.slug", org.hamcrest.Matchers.contains(outside.slug, c.lead().slug, c.older().slug));

            // A partner entitled to one tag gets the stories carrying it, in every feed, the latest one included.
            String byTag = keys.partner(false, List.of(), List.of(onlyTag.slug));
            given().queryParam("apiKey", byTag).get("/v1/feeds/latest.json").then().statusCode(200)
                    .body("items._dispatch.slug", org.hamcrest.Matchers.contains(tagged.slug));
            String atom = given().queryParam("apiKey", byTag).get("/v1/feeds/sections/" + c.section().slug + ".atom")
                    .then().statusCode(200).extract().asString();
            assertThat(parse(atom).getEntries()).extracting(SyndEntry::getTitle).containsExactly(tagged.headline);
        }

        @Test
        void aRevokedOrUnknownKeyIs401() {
            TestKeys.Key key = keys.partnerKey(true, List.of(), List.of());
            given().queryParam("apiKey", key.secret()).get("/v1/feeds/latest.atom").then().statusCode(200)
                    .contentType(startsWith("application/atom+xml"));
            keys.revoke(key);
            for (String secret : List.of(key.secret(), "dk_no-such-key-anywhere")) {
                given().queryParam("apiKey", secret).get("/v1/feeds/latest.atom").then().statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", startsWith("Bearer"))
                        .body("type", equalTo("urn:dispatch:problem:unauthorized"))
                        .body("detail", equalTo("The API key is unknown or has been revoked."));
            }
        }

        @Test
        void onlyFeedsTakeTheKeyAsAParameter() {
            given().queryParam("apiKey", keys.partner()).get("/v1/articles").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("apiKey"));
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
