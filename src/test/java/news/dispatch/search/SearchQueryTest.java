package news.dispatch.search;

import news.dispatch.web.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchQueryTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
            "iraq biden => ('iraq' | 'ئراق') & ('biden' | 'بدهن')",
            "\"prime minister\" -biden or kurdistan => ((('prime' <-> 'minister') | ('پرمه' <-> 'منستهر')) & !('biden' | 'بدهن')) | ('kurdistan' | 'كوردستان')",
            "Al-Kadhimi => (('al' <-> 'kadhimi') | ('al' <-> 'كادهمي'))",
            "A  OR  b => 'a' | 'b'",
            "x -\"a b\" => 'x' & !('a' <-> 'b')",
            "a & b ! (c) => 'a' & 'b' & 'c'",
    })
    void rebuildsTheQueryFromCheckedTerms(String q, String tsquery) {
        assertThat(SearchQuery.parse(q).tsquery()).isEqualTo(tsquery);
    }

    /** The candidates a phrase search finds by index: a superset of its matches, written without phrases. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
            "\"prime minister\" -biden or kurdistan => true => ((('prime' & 'minister') | ('پرمه' & 'منستهر')) & !('biden' | 'بدهن')) | ('kurdistan' | 'كوردستان')",
            "Al-Kadhimi visit => true => (('al' & 'kadhimi') | ('al' & 'كادهمي')) & ('visit' | 'فست')",
            "x -\"a b\" -c => false => 'x' & !'c'",
            "\"a b\" -\"c d\" => true => ('a' & 'b')",
            "\"single\" word => false => ('single' | 'سنگله') & ('word' | 'وورد')",
    })
    void phrasesBecomeTheirWordsForTheIndex(String q, boolean hasPhrase, String candidates) {
        SearchQuery parsed = SearchQuery.parse(q);
        assertThat(parsed.hasPhrase()).isEqualTo(hasPhrase);
        assertThat(parsed.candidates()).isEqualTo(candidates);
    }

    @Test
    void variantsAreFoldedAndEachScriptLooksForTheOther() {
        SearchQuery.Term arabic = SearchQuery.parse("کوردستان").clauses().get(0).include().get(0);
        assertThat(arabic.words()).containsExactly("كوردستان"); // one spelling for either kaf
        assertThat(arabic.otherScript()).containsExactly("kurdistan");
        SearchQuery.Term latin = SearchQuery.parse("Kurdistan").clauses().get(0).include().get(0);
        assertThat(latin.otherScript()).containsExactly("كوردستان");
        SearchQuery.Term marked = SearchQuery.parse("كُورْدِســتان").clauses().get(0).include().get(0);
        assertThat(marked.words()).containsExactly("كوردستان"); // harakat and tatweel dropped: one word
        SearchQuery.Term joined = SearchQuery.parse("پارتی\u200Cدیموکرات").clauses().get(0).include().get(0);
        assertThat(joined.words()).containsExactly("پارتيديموكرات"); // ZWNJ never splits a word
        SearchQuery.Term sorani = SearchQuery.parse("هەولێر").clauses().get(0).include().get(0);
        assertThat(sorani.words()).containsExactly("ههولير");
        assertThat(sorani.otherScript()).containsExactly("hewler");
    }

    @Test
    void aShortArabicScriptQueryMatchesThePrefix() {
        SearchQuery one = SearchQuery.parse("ب");
        assertThat(one.clauses().get(0).include().get(0).prefix()).isTrue();
        assertThat(one.tsquery()).isEqualTo("'ب':*");
        assertThat(one.clauses().get(0).include().get(0).pattern().matcher("وتی بەغدا").find()).isTrue();
        assertThat(SearchQuery.parse("کوردستان").clauses().get(0).include().get(0).prefix()).isFalse();
        assertThat(SearchQuery.parse("us").clauses().get(0).include().get(0).prefix()).isFalse(); // English unchanged
        assertThat(SearchQuery.parse("ب و").clauses().get(0).include()).noneMatch(SearchQuery.Term::prefix);
    }

    @Test
    void patternsMatchEveryVariantAsItIsStored() {
        SearchQuery.Term t = SearchQuery.parse("كوردستان").clauses().get(0).include().get(0);
        assertThat(t.pattern().matcher("لە کوردستان").find()).isTrue();
        assertThat(t.pattern().matcher("في كُوردِسْتان اليوم").find()).isTrue();
        assertThat(t.pattern().matcher("كوردســتان").find()).isTrue();
        assertThat(t.pattern().matcher("Herêma Kurdistanê").find()).isFalse(); // whole words
        assertThat(t.pattern().matcher("Herêma Kurdistan").find()).isTrue();
        assertThat(t.pattern().matcher("کوردستانی").find()).isFalse();
        SearchQuery.Term yeh = SearchQuery.parse("عيراق").clauses().get(0).include().get(0);
        assertThat(yeh.pattern().matcher("سەردانی عێراق دەکات").find()).isTrue();
    }

    @Test
    void orSplitsAlternativesAndMinusExcludesWithinOne() {
        SearchQuery q = SearchQuery.parse("a b or c -d");
        assertThat(q.clauses()).hasSize(2);
        assertThat(q.clauses().get(0).include()).extracting(SearchQuery.Term::words).containsExactly(List.of("a"), List.of("b"));
        assertThat(q.clauses().get(1).exclude()).extracting(SearchQuery.Term::words).containsExactly(List.of("d"));
        assertThat(q.positiveTerms()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\"open", "-only", "or a", "a or", "a or or b", "a or -b", "!!! ???"})
    void refusesQueriesThatCannotBeUnderstood(String q) {
        assertThatThrownBy(() -> SearchQuery.parse(q)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).field()).isEqualTo("q"));
    }

    @Test
    void refusesTooLongOrTooManyTerms() {
        assertThatThrownBy(() -> SearchQuery.parse("a".repeat(301))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SearchQuery.parse("w ".repeat(21))).isInstanceOf(ProblemException.class);
        assertThat(SearchQuery.parse("w ".repeat(20)).clauses()).hasSize(1);
    }

    @Test
    void termPatternsMatchWholeWordsInAnyCaseAndScript() {
        SearchQuery.Term kurdish = SearchQuery.parse("hewlêr").clauses().get(0).include().get(0);
        assertThat(kurdish.pattern().matcher("Li HEWLÊR, duh").find()).isTrue();
        assertThat(kurdish.pattern().matcher("hewlêrî").find()).isFalse();
        SearchQuery.Term phrase = SearchQuery.parse("\"prime minister\"").clauses().get(0).include().get(0);
        assertThat(phrase.pattern().matcher("the Prime  Minister's visit").find()).isTrue();
        assertThat(phrase.pattern().matcher("prime time minister").find()).isFalse();
    }

    @Test
    void marksInRightToLeftTextIsolateTheirDirection() {
        assertThat(Highlighter.fromMarked("سەردانی " + Highlighter.START + "عێراق" + Highlighter.STOP + " دەکات"))
                .isEqualTo("سەردانی <mark>\u2068عێراق\u2069</mark> دەکات");
        assertThat(Highlighter.fromMarked("visit " + Highlighter.START + "Iraq" + Highlighter.STOP))
                .isEqualTo("visit <mark>Iraq</mark>");
    }

    @Test
    void highlightsEscapeHtmlAndMarkMatches() {
        assertThat(Highlighter.fromMarked("a <b> & " + Highlighter.START + "word" + Highlighter.STOP))
                .isEqualTo("a &lt;b&gt; &amp; <mark>word</mark>");
        String text = "Lorem ipsum ".repeat(20) + "the Visit of the prime minister <script> " + "dolor sit ".repeat(40);
        String snippet = Highlighter.snippet(text, List.of(SearchQuery.parse("visit").clauses().get(0).include().get(0).pattern()));
        assertThat(snippet).startsWith("… ").endsWith(" …").contains("<mark>Visit</mark>").contains("&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(snippet.length()).isLessThan(300);
    }
}
