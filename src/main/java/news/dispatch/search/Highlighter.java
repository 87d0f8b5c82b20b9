package news.dispatch.search;

import java.util.List;
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

    /** Escapes text marked with {@link #START}/{@link #STOP} and turns the marks into {@code <mark>} elements. */
    static String fromMarked(String marked) {
        if (marked == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(marked.length() + 32);
        boolean open = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> {
                    if (!open) {
                        out.append("<mark>");
                        open = true;
                    }
                }
                case STOP -> {
                    if (open) {
                        out.append("</mark>");
                        open = false;
                    }
                }
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        if (open) {
            out.append("</mark>");
        }
        return out.toString().strip();
    }

    /** A window of the text around the first match, every match in it marked. */
    static String snippet(String text, List<Pattern> patterns) {
        if (text == null || text.isBlank()) {
            return "";
        }
        int first = -1;
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find() && (first < 0 || m.start() < first)) {
                first = m.start();
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

    private static int wordStart(String text, int from) {
        int space = text.indexOf(' ', from);
        return space < 0 ? from : space + 1;
    }
}
