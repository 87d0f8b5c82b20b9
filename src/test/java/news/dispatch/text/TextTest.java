package news.dispatch.text;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @Nested
    class Slugs {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Iraqi prime minister to meet Biden in Washington this month | iraqi-prime-minister-to-meet-biden-in-washington-this-month",
                "Crème brûlée: Ça coûte 5 € à Zürich! | creme-brulee-ca-coute-5-a-zurich",
                "Łódź and Øresund — Straße | lodz-and-oresund-strasse",
                "Путин встретился с Байденом | putin-vstretilsa-s-bajdenom",
                "  --Hello,   World--  | hello-world",
        })
        void transliteratesLatinAndCyrillic(String headline, String slug) {
            assertThat(Slugifier.from(headline)).isEqualTo(slug);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "سەرۆک وەزیرانی عێراق سەردانی واشنتن دەکات", // Kurdish (Sorani)
                "رئيس الوزراء العراقي يزور واشنطن",              // Arabic
                "Президент Украины",                               // Cyrillic
                "東京で会議",                                       // Japanese
        })
        void everyScriptGivesAnAsciiSlug(String headline) {
            String slug = Slugifier.from(headline);
            assertThat(slug).matches(Slugifier.PATTERN).isNotEqualTo("article").hasSizeGreaterThan(3);
        }

        @Test
        void kurdishAndArabicAreReadable() {
            assertThat(Slugifier.from("کوردستان")).isEqualTo("kurdistan");
            assertThat(Slugifier.from("بغداد")).isEqualTo("bghdad");
        }

        /** Real headlines and names, each with its language (docs/decisions/130-transliteration.md). */
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                // Sorani: the Kurdish Latin (Hawar) letters, the unwritten i put back
                "ckb | هەڵبژاردنی پەرلەمانی کوردستان | helbijardini-perlemani-kurdistan",
                "ckb | عێراق | eraq",
                "ckb | سەرۆک وەزیرانی عێراق سەردانی واشنتن دەکات | serok-wezirani-eraq-serdani-wasnitin-dekat",
                "ckb | سلێمانی | silemani",
                "ckb | هەولێر | hewler",
                "ckb | پێشمەرگە | pesmerge",
                "ckb | کەرکووک | kerkuk",
                "ckb | یەکێتیی نیشتمانیی کوردستان | yeketiy-nistimaniy-kurdistan",
                "ckb | ژن | jin",
                "ckb | برا | bira",
                "ckb | منداڵ | mindal",
                "ckb | شنگال | singal",
                "ckb | خوێندکاران | xwendikaran",
                "ckb | ئێران و تورکیا | eran-u-turkiya",
                "ckb | وڵات | wilat",
                "ckb | وتار | witar",
                "ckb | بەغدا | beghda",
                "ckb | ٢٠٢٤ | 2024",
                "ckb | هەڵبژاردنی پەرلەمانی کوردستان | helbijardini-perlemani-kurdistan",
                // Kurmanji: already Latin, its letters made ASCII
                "ku | Hilbijartinên parlamentoya Kurdistanê | hilbijartinen-parlamentoya-kurdistane",
                "ku | Şerê li Şingalê bi dawî bû | sere-li-singale-bi-dawi-bu",
                "ku | Çiyayê Qendîlê | ciyaye-qendile",
                // Arabic: its letters (long vowels, th kh dh sh gh), al- apart, short vowels not guessed
                "ar | رئيس الوزراء العراقي يزور واشنطن | ris-al-uzra-al-araqi-yzur-washntn",
                "ar | العراق | al-araq",
                "ar | أربيل | arbil",
                "ar | محمد شياع السوداني | mhmd-shyaa-al-sudani",
                "ar | السليمانية | al-slimania",
                "ar | بغداد | bghdad",
                "ar | ذي قار | dhi-qar",
                // English
                "en | Iraqi prime minister to meet Biden in Washington this month | iraqi-prime-minister-to-meet-biden-in-washington-this-month",
        })
        void headlinesInEachLanguage(String language, String headline, String slug) {
            assertThat(Slugifier.from(headline, language)).isEqualTo(slug);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "هەڵبژاردنی پەرلەمانی کوردستان | helbijardini-perlemani-kurdistan", // Kurdish letters: read as Kurdish
                "عێراق | eraq",
                "كوردستان | kurdstan",                                             // Arabic kaf: read as Arabic
                "كُورْدِسْتان | kurdstan",                                            // harakat dropped, no letter lost
                "كوردســتان | kurdstan",                                           // tatweel dropped
                "پارتی‌دیموکرات | partidimukrat",                             // ZWNJ joins, never splits
        })
        void withoutALanguageTheLettersTell(String headline, String slug) {
            assertThat(Slugifier.from(headline)).isEqualTo(slug);
        }

        @Test
        void nothingUsableGivesArticle() {
            assertThat(Slugifier.from("!!! ???")).isEqualTo("article");
            assertThat(Slugifier.from("")).isEqualTo("article");
        }

        @Test
        void longHeadlinesAreCutAtAWord() {
            String slug = Slugifier.from("word ".repeat(40));
            assertThat(slug).hasSizeLessThanOrEqualTo(Slugifier.MAX_LENGTH).doesNotEndWith("-").endsWith("word");
        }

        @Test
        void uniqueAddsTheFirstFreeNumber() {
            Set<String> taken = Set.of("story", "story-2");
            assertThat(Slugifier.unique("story", taken::contains)).isEqualTo("story-3");
            assertThat(Slugifier.unique("other", taken::contains)).isEqualTo("other");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Upper", "trailing-", "-leading", "double--hyphen", "spa ce", "ümlaut", ""})
        void rejectsMalformedSlugs(String slug) {
            assertThat(Slugifier.isValid(slug)).isFalse();
        }
    }

    @Nested
    class Sanitising {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "<p>Hi<script>alert(1)</script></p> | <p>Hi</p>",
                "<p onclick=\"steal()\">Hi</p> | <p>Hi</p>",
                "<a href=\"javascript:alert(1)\">x</a> | x",
                "<a href=\"JaVaScRiPt:alert(1)\">x</a> | x",
                "<img src=\"x.jpg\" onerror=\"steal()\" alt=\"A\"> | <img src=\"x.jpg\" alt=\"A\" />",
                "<p style=\"color:red\">Hi</p> | <p>Hi</p>",
                "<style>p{}</style><p>Hi</p> | <p>Hi</p>",
                "<iframe src=\"https://evil.example/x\"></iframe><p>Hi</p> | <p>Hi</p>",
                "<object data=\"x.swf\"></object><p>Hi</p> | <p>Hi</p>",
                "<p><svg onload=\"steal()\"></svg>Hi</p> | <p>Hi</p>",
        })
        void removesWhatIsNotAllowed(String dirty, String clean) {
            assertThat(HtmlSanitizer.sanitize(dirty)).isEqualTo(clean);
        }

        @Test
        void keepsStructureLinksAndKnownEmbeds() {
            String html = "<h2>Title</h2><p>A <a href=\"https://example.com/x\">link</a> and <strong>bold</strong>.</p>"
                    + "<blockquote><p>Quote</p></blockquote><ul><li>One</li></ul>"
                    + "<iframe src=\"https://www.youtube-nocookie.com/embed/abc123\" width=\"560\" height=\"315\"></iframe>";
            String clean = HtmlSanitizer.sanitize(html);
            assertThat(clean).contains("<h2>Title</h2>", "href=\"https://example.com/x\"", "<strong>bold</strong>",
                    "<blockquote><p>Quote</p></blockquote>", "<li>One</li>",
                    "src=\"https://www.youtube-nocookie.com/embed/abc123\"");
        }
    }
}
