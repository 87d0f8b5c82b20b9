package news.dispatch.search;

import news.dispatch.text.SearchFolding;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Highlight snippets: HTML-escaped plain text with {@code <mark>…</mark>} around the matches, safe
 * to insert into a page as it is. PostgreSQL marks matches with control characters (ts_headline's
 * StartSel/StopSel), the H2 fallback finds them with the terms' patterns; both end here.
 */
final class Highlighter {

    static final char START = '\u0002';
    static final char STOP = '\u0003';
    private static final int BEFORE = 60;
    private static final int LENGTH = 220;

    private Highlighter() {
    }

    /** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). */
    private static final Pattern RIGHT_TO_LEFT = Pattern.compile("[\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF]");
    /** First strong isolate and pop directional isolate: the mark's text is laid out apart from the line around it. */
    static final String ISOLATE = "\u2068";
    static final String POP_ISOLATE = "\u2069";

    /**
     * Escapes text marked with {@link #START}/{@link #STOP} and turns the marks into {@code <mark>} elements. In a text
     * with right-to-left letters, each mark's text is a directional isolate (U+2068 … U+2069): a {@code <mark>} of
     * a Latin word or a number inside an Arabic-script line never reorders the words around it, whatever renders it.
     */
    static String fromMarked(String marked) {
        if (marked == null) {
            return "";
        }
        boolean isolate = RIGHT_TO_LEFT.matcher(marked).find();
        String open = isolate ? "<mark>" + ISOLATE : "<mark>";
        String close = isolate ? POP_ISOLATE + "</mark>" : "</mark>";
        StringBuilder out = new StringBuilder(marked.length() + 32);
        boolean inMark = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> {
                    if (!inMark) {
                        out.append(open);
                        inMark = true;
                    }
                }
                case STOP -> {
                    if (inMark) {
                        out.append(close);
                        inMark = false;
                    }
                }
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        if (inMark) {
            out.append(close);
        }
        return out.toString().strip();
    }

    /** A window of the text around the first match, every match in it marked. */
    static String snippet(String text, List<Pattern> patterns) {
        return snippet(text, patterns, Set.of());
    }

    /**
     * A window of the text around the first match, every match in it marked: the patterns' matches, and the
     * Arabic-script words whose Latin spelling is one of {@code latin} (the query's Latin words: a Sorani article found
     * by {@code hewler} marks {@code هەولێر}, decision 131).
     */
    static String snippet(String text, List<Pattern> patterns, Set<String> latin) {
        if (text == null || text.isBlank()) {
            return "";
        }
        // the first match only, then every match in the window: a common word is in a long text many times
        int first = -1;
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find() && (first < 0 || m.start() < first)) {
                first = m.start();
            }
        }
        boolean spell = !latin.isEmpty() && RIGHT_TO_LEFT.matcher(text).find();
        if (spell) {
            Matcher m = ARABIC_SCRIPT_WORD.matcher(text);
            while (m.find() && (first < 0 || m.start() < first)) {
                if (latin.contains(latinSpelling(m.group()))) {
                    first = m.start();
                    break;
                }
            }
        }
        int start = first <= BEFORE ? 0 : wordStart(text, first - BEFORE);
        int end = Math.min(text.length(), start + LENGTH);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            if (space > start + LENGTH / 2) {
                end = space;
            }
        }
        String window = text.substring(start, end);
        boolean[] marked = new boolean[window.length()];
        for (Pattern p : patterns) {
            Matcher m = p.matcher(window);
            while (m.find()) {
                for (int i = m.start(); i < m.end(); i++) {
                    marked[i] = true;
                }
            }
        }
        if (spell) {
            Matcher m = ARABIC_SCRIPT_WORD.matcher(window);
            while (m.find()) {
                if (latin.contains(latinSpelling(m.group()))) {
                    for (int i = m.start(); i < m.end(); i++) {
                        marked[i] = true;
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(window.length() + 16);
        for (int i = 0; i < window.length(); i++) {
            if (marked[i] && (i == 0 || !marked[i - 1])) {
                out.append(START);
            }
            out.append(window.charAt(i));
            if (marked[i] && (i == window.length() - 1 || !marked[i + 1])) {
                out.append(STOP);
            }
        }
        return (start > 0 ? "… " : "") + fromMarked(out.toString()) + (end < text.length() ? " …" : "");
    }

    /** An Arabic-script word (letters, marks and joiners). */
    private static final Pattern ARABIC_SCRIPT_WORD = Pattern.compile("[\\u0600-\\u06FF\\u0750-\\u077F\\u200C\\u200D]+");
    /** Words repeat: their Latin spelling is kept (bounded: emptied when full). */
    private static final Map<String, String> LATIN = new ConcurrentHashMap<>();

    private static String latinSpelling(String word) {
        String spelled = LATIN.get(word);
        if (spelled == null) {
            spelled = Objects.requireNonNullElse(SearchFolding.latinWords(word, "ckb"), "");
            if (LATIN.size() >= 50_000) {
                LATIN.clear();
            }
            LATIN.put(word, spelled);
        }
        return spelled;
    }

    private static int wordStart(String text, int from) {
        int space = text.indexOf(' ', from);
        return space < 0 ? from : space + 1;
    }
}
