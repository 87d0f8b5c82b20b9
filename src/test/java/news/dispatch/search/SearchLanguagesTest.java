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
    /** Letters that no folding or transliteration changes into one another (ش is left out: ş folds to the s of س): a word made of them is this test's own. */
    private static final String LETTERS = "بتجدرزسفقلمن";

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    @Inject
    news.dispatch.testsupport.TestKeys keys;

    @Inject
    LatinSpellingBackfill backfill;

    /** A made-up Arabic-script word no other article has. */
    private static String arabicWord() {
        String digits = Integer.toString(COUNTER.incrementAndGet() + 1_000_000, LETTERS.length());
        StringBuilder w = new StringBuilder("سو");
        digits.chars().forEach(c -> w.append(LETTERS.charAt(Character.digit(c, LETTERS.length()))));
        // a last letter no Arabic suffix has: the Arabic stemmer would make words ending in تم and تن one
        return w.append('ژ').toString();
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
    void latinTypedWithoutAccentsFindsTheArabicScriptSpellingAndBack() {
        String w = arabicWord();
        Article sorani = fixtures.article("هەڵبژاردن: پەرلەمانی کوردستان لە هەولێر " + w)
                .body("<p>دەنگدان لە سلێمانی و دهۆک</p>", "دەنگدان لە سلێمانی و دهۆک").language("ckb").save();
        Article kurmanji = fixtures.article("Hilbijartin li Hewlêr û Silêmaniyê " + w).language("ku").save();

        // as phones type them: no ê, î, û, and the short i Sorani does not write
        for (String q : new String[] {"hewler", "silemani", "kurdistan", "helbijardin", "Hewlêr", "HEWLER"}) {
            given().queryParam("q", q + " " + w).queryParam("lang", "ckb").when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", contains(sorani.slug));
        }
        // the highlight marks the Arabic-script word the Latin one spells
        given().queryParam("q", "silemani " + w).queryParam("lang", "ckb").when().get("/v1/search")
                .then().statusCode(200).body("items[0].highlight", containsString("<mark>\u2068سلێمانی\u2069</mark>"));
        // a phrase of Latin words finds the words side by side in Arabic script, and not apart
        given().queryParam("q", "\"kurdistan le hewler\" " + w).when().get("/v1/search")
                .then().statusCode(200).body("items.slug", contains(sorani.slug));
        given().queryParam("q", "\"hewler kurdistan\" " + w).when().get("/v1/search")
                .then().statusCode(200).body("items", empty());
        // excluded in Latin letters, excluded in Arabic script
        given().queryParam("q", w + " -hewler").when().get("/v1/search")
                .then().statusCode(200).body("items", empty());
        // and back: Arabic script (with Arabic-keyboard kaf and yeh) finds the Kurmanji spelling
        given().queryParam("q", "هەولێر " + w).queryParam("lang", "ku").when().get("/v1/search")
                .then().statusCode(200).body("items.slug", contains(kurmanji.slug));
        given().queryParam("q", "هەولێر " + w).when().get("/v1/search")
                .then().statusCode(200).body("items.slug", containsInAnyOrder(sorani.slug, kurmanji.slug));
        // a word in neither finds nothing
        given().queryParam("q", "duhok " + w).queryParam("lang", "ku").when().get("/v1/search")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void anEditRespellsAndOlderArticlesAreSpelledByTheBackfill() {
        String w = arabicWord();
        Article a = fixtures.article("سەردانی " + w).language("ckb").save();
        given().queryParam("q", "kerkuk " + w).when().get("/v1/search")
                .then().statusCode(200).body("items", empty());
        String slug = Fixtures.unique("serdan"); // the fixture's slug is not one the API takes
        String etag = keys.asEditor().get("/v1/articles/" + a.id).then().statusCode(200).extract().header("ETag");
        keys.asEditor().header("If-Match", etag).contentType("application/merge-patch+json; charset=UTF-8")
                .body(java.util.Map.of("headline", "سەردانی کەرکووک " + w, "slug", slug)).patch("/v1/articles/" + a.id)
                .then().statusCode(200);
        given().queryParam("q", w + " kerkuk").when().get("/v1/search")
                .then().statusCode(200).body("items.slug", contains(slug));

        // an article written before the Latin spelling existed (its columns null) is found once the backfill ran
        String v = arabicWord();
        Article old = fixtures.article("ئاو لە سلێمانی " + v).language("ckb").save();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update article set latin_headline = null, latin_standfirst = null, latin_body = null where id = :id")
                .setParameter("id", old.id).executeUpdate());
        given().queryParam("q", "silemani " + v).when().get("/v1/search")
                .then().statusCode(200).body("items", empty());
        assertThat(backfill.spellPending()).isGreaterThanOrEqualTo(1);
        given().queryParam("q", v + " silemani").when().get("/v1/search")
                .then().statusCode(200).body("items.slug", contains(old.slug));
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
