package news.dispatch.search;

import news.dispatch.text.Romanizer;
import news.dispatch.text.SearchFolding;
import news.dispatch.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A checked web-search query (the syntax of PostgreSQL's {@code websearch_to_tsquery}, given to PostgreSQL rebuilt as a
 * {@code to_tsquery}, with each term in both scripts where it has two): words,
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

    /**
     * A word or a phrase, as its words (letters and digits only, folded: {@link SearchFolding}), and the same in the other
     * script when it has one (a Latin-script Kurdish word in Sorani letters, an Arabic-script word in Latin letters):
     * either spelling matches. A prefix term matches the words it starts.
     */
    public record Term(List<String> words, boolean phrase, List<String> otherScript, boolean prefix) {

        public Term(List<String> words, boolean phrase) {
            this(words, phrase, null, false);
        }

        /** The spellings that match: the words, then the other script's. */
        public List<List<String>> spellings() {
            return otherScript == null ? List.of(words) : List.of(words, otherScript);
        }

        /** Matches the term as whole words, case-insensitively (the H2 fallback and its highlighting). */
        public Pattern pattern() {
            return Pattern.compile(regex());
        }

        /**
         * Each folded letter matches the letters that fold to it, and the marks and joiners folding drops may stand
         * between letters, so the text is matched as it is stored.
         */
        public String regex() {
            String spellings = spellings().stream()
                    .map(ws -> ws.stream().map(SearchQuery::wordRegex).collect(Collectors.joining("[^\\p{L}\\p{N}]+")))
                    .collect(Collectors.joining("|"));
            return "(?iU)(?<![\\p{L}\\p{N}\\x{200C}])(?:" + spellings + ")" + (prefix ? "" : "(?![\\p{L}\\p{N}])");
        }

        private String tsquery(boolean ordered) {
            String star = prefix ? ":*" : "";
            return spellings().stream()
                    .map(ws -> ws.stream().map(w -> "'" + w + "'" + star).collect(Collectors.joining(ordered ? " <-> " : " & ")))
                    .map(s -> s.contains(" ") ? "(" + s + ")" : s)
                    .collect(Collectors.joining(" | ", spellings().size() > 1 ? "(" : "", spellings().size() > 1 ? ")" : ""));
        }
    }

    private static final String DROPPED = SearchFolding.dropped().chars()
            .mapToObj(c -> String.format("\\x{%04X}", c)).collect(Collectors.joining("", "[", "]*"));

    private static String wordRegex(String word) {
        StringBuilder re = new StringBuilder();
        word.chars().forEach(c -> {
            re.append('[');
            SearchFolding.variants((char) c).chars().forEach(v -> re.append(String.format("\\x{%04X}", v)));
            re.append(']').append(DROPPED);
        });
        return re.toString();
    }

    /** The shortest word in Arabic script matched as it is; shorter ones (and an only word) start words (prefix). */
    static final int PREFIX_MAX_LETTERS = 3;
    /** The shortest Latin word also looked for in Sorani letters. */
    static final int OTHER_SCRIPT_MIN_LETTERS = 3;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern DROP = Pattern.compile(DROPPED.substring(0, DROPPED.length() - 1) + "+");

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
            List<String> given = words(raw);
            if (given.isEmpty()) {
                continue; // punctuation only: nothing to find, as in websearch_to_tsquery
            }
            pendingOr = false;
            if (++terms > MAX_TERMS) {
                throw ProblemException.invalid("q", "must have at most " + MAX_TERMS + " words and phrases");
            }
            List<String> words = given.stream().map(SearchFolding::fold).toList();
            List<String> other = otherScript(given);
            (negative ? exclude : include).add(new Term(words, phrase || words.size() > 1,
                    other.equals(words) ? null : other, false));
        }
        if (pendingOr) {
            throw ProblemException.invalid("q", "'or' must stand between two alternatives");
        }
        if (include.isEmpty() && exclude.isEmpty() && clauses.isEmpty()) {
            throw ProblemException.invalid("q", "has no word to search for");
        }
        clauses.add(clause(include, exclude));
        return new SearchQuery(q, prefixed(clauses));
    }

    /**
     * A query of one short word in Arabic script matches the words it starts: Arabic and Kurdish write the
     * conjunction and prepositions joined to the next word ({@code و}, {@code ب}, {@code ل}), and a reader typing
     * finds what the first letters begin.
     */
    private static List<Clause> prefixed(List<Clause> clauses) {
        if (clauses.size() == 1 && clauses.get(0).include().size() == 1 && clauses.get(0).exclude().isEmpty()) {
            Term t = clauses.get(0).include().get(0);
            if (t.words().size() == 1 && t.words().get(0).length() <= PREFIX_MAX_LETTERS
                    && Romanizer.hasArabicScript(t.words().get(0))) {
                // its own script only: one or two letters in Latin would start too many words
                return List.of(new Clause(List.of(new Term(t.words(), false, null, true)), List.of()));
            }
        }
        return List.copyOf(clauses);
    }

    /**
     * The words in the other script, folded: Arabic-script words read as Kurdish in Latin letters (Kurmanji articles
     * write Kurdish in Latin letters), Latin words of three letters or more in Sorani letters. Other words stay.
     */
    private static List<String> otherScript(List<String> given) {
        List<String> other = new ArrayList<>();
        for (String w : given) {
            String spelled;
            if (Romanizer.hasArabicScript(w)) {
                spelled = Romanizer.toLatin(w, "ckb");
            } else if (w.length() >= OTHER_SCRIPT_MIN_LETTERS && w.chars().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)) {
                spelled = Romanizer.toSorani(w);
            } else {
                spelled = w;
            }
            words(spelled).forEach(x -> other.add(SearchFolding.fold(x)));
        }
        return other;
    }

    private static Clause clause(List<Term> include, List<Term> exclude) {
        if (include.isEmpty()) {
            throw ProblemException.invalid("q", "each alternative needs a word to find, not only words to exclude");
        }
        return new Clause(List.copyOf(include), List.copyOf(exclude));
    }

    /** The words of a text, lower-cased, the marks and joiners that folding drops dropped first (they never split a word). */
    private static List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(DROP.matcher(raw).replaceAll(""))) {
            if (!w.isEmpty()) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /**
     * The words to find typed in Latin letters, folded (three letters or more, as for their Sorani spelling): the
     * highlight also marks the Arabic-script words spelled so in Latin letters.
     */
    public java.util.Set<String> latinWords() {
        return positiveTerms().stream().flatMap(t -> t.words().stream())
                .filter(w -> w.length() >= OTHER_SCRIPT_MIN_LETTERS
                        && w.chars().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Every term to find, for highlighting. */
    public List<Term> positiveTerms() {
        return clauses.stream().flatMap(c -> c.include().stream()).distinct().toList();
    }

    /**
     * The query in {@code to_tsquery} syntax, built from the checked terms: each word quoted, a phrase's words joined by
     * {@code <->}, the spellings of a term by {@code |}, the terms of an alternative by {@code &}, exclusions with
     * {@code !}, and the alternatives by {@code |}. Words hold letters and digits only, so nothing in it is syntax
     * the user wrote.
     */
    public String tsquery() {
        return clauses.stream().map(c -> {
            List<String> parts = new ArrayList<>();
            c.include().forEach(t -> parts.add(t.tsquery(true)));
            c.exclude().forEach(t -> parts.add("!" + group(t.tsquery(true))));
            return clause(parts);
        }).collect(Collectors.joining(" | "));
    }

    /** A term's tsquery is one word or wholly in parentheses; anything else is put in them. */
    private static String group(String s) {
        return s.startsWith("(") && s.endsWith(")") || !s.contains(" ") ? s : "(" + s + ")";
    }

    private String clause(List<String> parts) {
        String joined = String.join(" & ", parts);
        return clauses.size() > 1 && parts.size() > 1 ? "(" + joined + ")" : joined;
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
     * than the phrase). The index answers it without a second look at each article; {@link #tsquery()} is then
     * checked on its matches.
     */
    public String candidates() {
        return clauses.stream().map(c -> {
            List<String> parts = new ArrayList<>();
            c.include().forEach(t -> parts.add(t.tsquery(false)));
            c.exclude().stream().filter(t -> !ordered(t)).forEach(t -> parts.add("!" + group(t.tsquery(false))));
            return clause(parts);
        }).collect(Collectors.joining(" | "));
    }

    private static boolean ordered(Term t) {
        return t.phrase() && t.words().size() > 1;
    }

}
