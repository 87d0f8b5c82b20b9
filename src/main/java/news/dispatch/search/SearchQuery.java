package news.dispatch.search;

import news.dispatch.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A checked web-search query (the syntax of PostgreSQL's {@code websearch_to_tsquery}): words,
 * {@code "quoted phrases"}, {@code or} between alternatives, {@code -word} or {@code -"phrase"} to
 * exclude. {@code a b or c -d} means (a and b) or (c and not d). Parsed here for both databases, so
 * both accept and refuse the same queries: a blank query, an unterminated quote, a dangling
 * {@code or}, an alternative with nothing to find (only exclusions) or too long a query is a 400.
 */
public record SearchQuery(String text, List<Clause> clauses) {

    public static final int MAX_LENGTH = 300;
    public static final int MAX_TERMS = 20;

    /** One alternative: every {@code include} term and none of the {@code exclude} terms. */
    public record Clause(List<Term> include, List<Term> exclude) {
    }

    /** A word or a phrase, as its words (letters and digits only). */
    public record Term(List<String> words, boolean phrase) {

        /** Matches the term as whole words, case-insensitively (the H2 fallback and its highlighting). */
        public Pattern pattern() {
            return Pattern.compile(regex());
        }

        public String regex() {
            return "(?iU)(?<![\\p{L}\\p{N}])" + words.stream().map(Pattern::quote).collect(Collectors.joining("[^\\p{L}\\p{N}]+"))
                    + "(?![\\p{L}\\p{N}])";
        }
    }

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    public static SearchQuery parse(String q) {
        if (q == null || q.isBlank()) {
            throw ProblemException.invalid("q", "is required: the words to search for");
        }
        if (q.length() > MAX_LENGTH) {
            throw ProblemException.invalid("q", "must be at most " + MAX_LENGTH + " characters");
        }
        List<Clause> clauses = new ArrayList<>();
        List<Term> include = new ArrayList<>();
        List<Term> exclude = new ArrayList<>();
        boolean pendingOr = false;
        int terms = 0;
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negative = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
                negative = true;
                i++;
                c = q.charAt(i);
            }
            String raw;
            boolean phrase = c == '"';
            if (phrase) {
                int end = q.indexOf('"', i + 1);
                if (end < 0) {
                    throw ProblemException.invalid("q", "has a quoted phrase without its closing quote");
                }
                raw = q.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
                    end++;
                }
                raw = q.substring(i, end);
                i = end;
            }
            if (!phrase && !negative && raw.equalsIgnoreCase("or")) {
                if (include.isEmpty() && exclude.isEmpty() || pendingOr) {
                    throw ProblemException.invalid("q", "'or' must stand between two alternatives");
                }
                clauses.add(clause(include, exclude));
                include = new ArrayList<>();
                exclude = new ArrayList<>();
                pendingOr = true;
                continue;
            }
            List<String> words = words(raw);
            if (words.isEmpty()) {
                continue; // punctuation only: nothing to find, as in websearch_to_tsquery
            }
            pendingOr = false;
            if (++terms > MAX_TERMS) {
                throw ProblemException.invalid("q", "must have at most " + MAX_TERMS + " words and phrases");
            }
            (negative ? exclude : include).add(new Term(words, phrase || words.size() > 1));
        }
        if (pendingOr) {
            throw ProblemException.invalid("q", "'or' must stand between two alternatives");
        }
        if (include.isEmpty() && exclude.isEmpty() && clauses.isEmpty()) {
            throw ProblemException.invalid("q", "has no word to search for");
        }
        clauses.add(clause(include, exclude));
        return new SearchQuery(q, List.copyOf(clauses));
    }

    private static Clause clause(List<Term> include, List<Term> exclude) {
        if (include.isEmpty()) {
            throw ProblemException.invalid("q", "each alternative needs a word to find, not only words to exclude");
        }
        return new Clause(List.copyOf(include), List.copyOf(exclude));
    }

    private static List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(raw)) {
            if (!w.isEmpty()) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** Every term to find, for highlighting. */
    public List<Term> positiveTerms() {
        return clauses.stream().flatMap(c -> c.include().stream()).distinct().toList();
    }

    /** The query in websearch_to_tsquery syntax, rebuilt from the checked terms. */
    public String websearch() {
        return clauses.stream().map(c -> {
            List<String> parts = new ArrayList<>();
            c.include().forEach(t -> parts.add(quoted(t)));
            c.exclude().forEach(t -> parts.add("-" + quoted(t)));
            return String.join(" ", parts);
        }).collect(Collectors.joining(" or "));
    }

    /**
     * Whether a term to find is a phrase of two words or more: the index finds its candidates by its words, and the
     * order of the words is then checked on each of them.
     */
    public boolean hasPhrase() {
        return clauses.stream().anyMatch(c -> c.include().stream().anyMatch(SearchQuery::ordered));
    }

    /**
     * A query that every match of this one also matches, with no phrase of two words or more: a phrase to find becomes
     * its words (all of them, in any order), a phrase to exclude is left out (excluding its words would exclude more
     * than the phrase). The index answers it without a second look at each article; {@link #websearch()} is then
     * checked on its matches. A word {@code or} inside a phrase is left out (unquoted it would be the operator).
     */
    public String candidates() {
        return clauses.stream().map(c -> {
            List<String> parts = new ArrayList<>();
            for (Term t : c.include()) {
                List<String> words = t.words().stream().filter(w -> !w.equals("or")).toList();
                if (ordered(t) && !words.isEmpty()) {
                    parts.addAll(words);
                } else {
                    parts.add(quoted(t));
                }
            }
            c.exclude().stream().filter(t -> !ordered(t)).forEach(t -> parts.add("-" + quoted(t)));
            return String.join(" ", parts);
        }).collect(Collectors.joining(" or "));
    }

    private static boolean ordered(Term t) {
        return t.phrase() && t.words().size() > 1;
    }

    private static String quoted(Term t) {
        return t.phrase() ? '"' + String.join(" ", t.words()) + '"' : t.words().get(0);
    }
}
