package news.dispatch.syndication;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Text stays text in the formats that end up inside someone else's markup. */
@QuarkusTest
class MarkupEscapingTest {

    static final String HEADLINE = "Alert <img src=x onerror=alert(1)> & \"more\"";
    static final String STANDFIRST = "Ends </script><script>alert(2)</script> here";

    @Inject
    Fixtures fixtures;

    Article story(Section section) {
        return fixtures.article(HEADLINE).slug(Fixtures.unique("markup")).section(section).standfirst(STANDFIRST).save();
    }

    static Element first(Document doc, String parent, String child) {
        Element p = (Element) doc.getElementsByTagName(parent).item(0);
        return (Element) p.getElementsByTagName(child).item(0);
    }

    @Test
    void rssTitleAndDescriptionAreEscapedHtmlSoReadersShowTheText() throws Exception {
        Section section = fixtures.section("Markup <b>bold</b>");
        story(section);
        byte[] xml = given().get("/v1/feeds/sections/" + section.slug + ".rss").then().statusCode(200).extract().asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        // The XML text of <title> is HTML: a reader that renders it shows the characters, never an element.
        assertThat(first(doc, "item", "title").getTextContent())
                .isEqualTo("Alert &lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;");
        assertThat(first(doc, "item", "description").getTextContent())
                .isEqualTo("Ends &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt; here");
        assertThat(first(doc, "channel", "title").getTextContent()).doesNotContain("<b>").contains("&lt;b&gt;");
    }

    @Test
    void atomAndJsonFeedKeepTheTextAsItIs() throws Exception {
        Section section = fixtures.section("Markup atom");
        story(section);
        byte[] xml = given().get("/v1/feeds/sections/" + section.slug + ".atom").then().statusCode(200).extract().asByteArray();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(first(doc, "entry", "title").getTextContent()).isEqualTo(HEADLINE);
        given().get("/v1/feeds/sections/" + section.slug + ".json").then().statusCode(200)
                .body("items[0].title", equalTo(HEADLINE));
    }

    @Test
    void jsonLdEscapesAngleBracketsAndAmpersandsSoItCanSitInAScriptElement() {
        Article a = story(fixtures.section("Markup LD"));
        var response = given().accept("application/ld+json").get("/v1/articles/" + a.slug).then().statusCode(200)
                .body("headline", equalTo(HEADLINE))
                .body("description", equalTo(STANDFIRST))
                .extract();
        String raw = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(raw.toLowerCase()).contains("\\u003c/script\\u003e");
    }
}
