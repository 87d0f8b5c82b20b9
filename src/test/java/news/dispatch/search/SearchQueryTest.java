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
    @CsvSource(delimiter = '|', value = {
            "iraq biden|iraq biden",
            "\"prime minister\" -biden or kurdistan|\"prime minister\" -biden or kurdistan",
            "Al-Kadhimi|\"al kadhimi\"",
            "A  OR  b|a or b",
            "x -\"a b\"|x -\"a b\"",
            "a & b ! (c)|a b c",
    })
    void rebuildsTheWebSearchQueryFromCheckedTerms(String q, String websearch) {
        assertThat(SearchQuery.parse(q).websearch()).isEqualTo(websearch);
    }

    /** The candidates a phrase search finds by index: a superset of its matches, written without phrases. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"prime minister\" -biden or kurdistan|true|prime minister -biden or kurdistan",
            "Al-Kadhimi visit|true|al kadhimi visit",
            "x -\"a b\" -c|false|x -c",
            "\"a b\" -\"c d\"|true|a b",
            "\"black or white\"|true|black white",
            "\"or or\" x|true|\"or or\" x",
            "\"single\" word|false|\"single\" word",
            "plain words|false|plain words",
    })
    void phrasesBecomeTheirWordsForTheIndex(String q, boolean hasPhrase, String candidates) {
        SearchQuery parsed = SearchQuery.parse(q);
        assertThat(parsed.hasPhrase()).isEqualTo(hasPhrase);
        assertThat(parsed.candidates()).isEqualTo(candidates);
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
