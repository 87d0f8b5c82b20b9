package news.dispatch.search;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.dispatch.article.Article;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Databases;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.text.SearchFolding;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Search in Sorani, Kurmanji and Arabic (docs/decisions/131-search-in-kurdish-and-arabic.md), on both databases. */
@QuarkusTest
class SearchLanguagesTest {

    private static final AtomicInteger COUNTER = new AtomicInteger((int) (System.nanoTime() % 100_000));
    /** Letters that no folding or transliteration changes into one another: a word made of them is this test's own. */
    private static final String LETTERS = "بتجدرزسشفقلمن";

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    /** A made-up Arabic-script word no other article has. */
    private static String arabicWord() {
        String digits = Integer.toString(COUNTER.incrementAndGet() + 1_000_000, LETTERS.length());
        StringBuilder w = new StringBuilder("سو");
        digits.chars().forEach(c -> w.append(LETTERS.charAt(Character.digit(c, LETTERS.length()))));
        return w.toString();
    }

    private static String latinWord(String prefix) {
        return Fixtures.unique(prefix).replace("-", "");
    }

    @Test
    void arabicKafAndYehFindTheKurdishSpellingAndLatinFindsBoth() {
        String w = arabicWord();
        Article sorani = fixtures.article("هەڵبژاردنی پەرلەمانی کوردستان " + w).language("ckb").save();
        Article kurmanji = fixtures.article("Hilbijartinên parlamentoya Kurdistan " + w).language("ku").save();

        // Arabic kaf and yeh, as an Arabic keyboard types them
        given().queryParam("q", "كوردستان " + w).when().get("/v1/search")
                .then().statusCode(200).body("items.slug", containsInAnyOrder(sorani.slug, kurmanji.slug));
        // Latin letters find the Sorani spelling, Sorani letters the Latin one
        given().queryParam("q", "kurdistan " + w).when().get("/v1/search")
                .then().statusCode(200).body("items.slug", containsInAnyOrder(sorani.slug, kurmanji.slug));
        given().queryParam("q", "کوردستان " + w).queryParam("lang", "ku").when().get("/v1/search")
                .then().statusCode(200).body("items.slug", contains(kurmanji.slug));
        // a word in no article finds nothing, in either script
        given().queryParam("q", "بەغدا " + w).when().get("/v1/search")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void variantsMarksTatweelAndJoinersAreFoldedBothWays() {
        String w = arabicWord();
        // stored with harakat, tatweel, Arabic yeh, teh marbuta's neighbour heh and a ZWNJ inside a word
        Article arabic = fixtures.article("زيارة إلى أربيل " + w)
                .body("<p>الحكـــومة العِرَاقِيَّة</p>", "الحكـــومة العِرَاقِيَّة").language("ar").save();
        Article sorani = fixtures.article("سەردانی هەولێر " + w).body("<p>ڕۆژی دوو\u200Cشەممە</p>", "ڕۆژی دوو\u200Cشەممە")
                .language("ckb").save();

        given().queryParam("q", "اربيل " + w).when().get("/v1/search") // alef without hamza
                .then().statusCode(200).body("items.slug", contains(arabic.slug));
        given().queryParam("q", "العراقية " + w).when().get("/v1/search") // without the harakat
                .then().statusCode(200).body("items.slug", contains(arabic.slug));
        given().queryParam("q", "الحكومة " + w).when().get("/v1/search") // without the tatweel
                .then().statusCode(200).body("items.slug", contains(arabic.slug));
        given().queryParam("q", "هه\u200Cولير " + w).when().get("/v1/search") // heh, Arabic yeh, a stray ZWNJ
                .then().statusCode(200).body("items.slug", contains(sorani.slug));
        given().queryParam("q", "دووشەممە " + w).when().get("/v1/search") // the ZWNJ joins, as in the text
                .then().statusCode(200).body("items.slug", contains(sorani.slug));
        given().queryParam("q", "روژی " + w).when().get("/v1/search") // ر for ڕ and و for ۆ
                .then().statusCode(200).body("items.slug", contains(sorani.slug));
    }

    @Test
    void aShortArabicScriptQueryMatchesTheWordsItStarts() {
        String w = arabicWord();
        Tag tag = fixtures.tag(latinWord("prefixtag"), TagType.TOPIC);
        Article a = fixtures.article("وتی " + w).language("ckb").tags(tag).save();

        // the first letters of the word, one to three of them
        for (String prefix : new String[] {w.substring(0, 1), w.substring(0, 2), w.substring(0, 3)}) {
            given().queryParam("q", prefix).queryParam("tag", tag.slug).when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", contains(a.slug));
        }
        // four letters or more are whole words, as in English
        given().queryParam("q", w.substring(0, 4)).queryParam("tag", tag.slug).when().get("/v1/search")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void highlightsInRightToLeftTextIsolateTheMarks() {
        String w = arabicWord();
        Article a = fixtures.article("هەواڵ " + w).body("<p>سەردانی عێراق " + w + " دەکات</p>", "سەردانی عێراق " + w + " دەکات")
                .language("ckb").save();

        given().queryParam("q", w).when().get("/v1/search")
                .then().statusCode(200).body("items.slug", contains(a.slug))
                .body("items[0].highlight", containsString("<mark>\u2068" + w + "\u2069</mark>"));
        // the stored spelling is marked, whatever variant was typed
        given().queryParam("q", "عيراق " + w).when().get("/v1/search")
                .then().statusCode(200).body("items[0].highlight", containsString("<mark>\u2068عێراق\u2069</mark>"));
    }

    @Test
    void englishHighlightsAreAsBefore() {
        String w = latinWord("plainmark");
        fixtures.article("Story " + w).body("<p>The " + w + " word.</p>", "The " + w + " word.").save();
        given().queryParam("q", w).when().get("/v1/search")
                .then().statusCode(200).body("items[0].highlight", containsString("<mark>" + w + "</mark>"));
    }

    @Test
    void arabicArticlesAreStemmedOnPostgres() {
        assumeTrue(Databases.postgres());
        String w = arabicWord();
        Article a = fixtures.article("نتائج الانتخابات في الحكومة " + w).language("ar").save();
        given().queryParam("q", "انتخاب " + w).when().get("/v1/search")
                .then().statusCode(200).body("items.slug", contains(a.slug));
        given().queryParam("q", "حكومة " + w).when().get("/v1/search")
                .then().statusCode(200).body("items.slug", contains(a.slug));
    }

    @Test
    @Transactional
    void postgresFoldsAsTheApplicationDoes() {
        assumeTrue(Databases.postgres());
        String text = SearchFolding.FROM + " Hewlêr هەولێر كوردستان عِرَاق ٢٠٢٤ ÇŞ";
        Object folded = em.createNativeQuery("select search_fold(:t)").setParameter("t", text).getSingleResult();
        assertThat(folded).isEqualTo(SearchFolding.fold(text));
    }
}
