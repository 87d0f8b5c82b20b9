package news.dispatch.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.regex.Pattern;

/** Plain text, word count and reading time of an HTML body (jsoup). */
public record TextStats(String text, int wordCount, int readingMinutes) {

    /** A common reading speed for news copy. */
    public static final int WORDS_PER_MINUTE = 200;

    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");
    private static final Pattern BREAKS = Pattern.compile("\\s*\\n\\s*\\n\\s*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");

    /** Paragraphs (block elements) become blank-line separated; {@code <br>} a line break. */
    public static TextStats of(String html) {
        Element body = Jsoup.parseBodyFragment(html == null ? "" : html).body();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText().replace('\n', ' '));
                } else if (node instanceof Element e && e.normalName().equals("br")) {
                    out.append('\n');
                } else if (node instanceof Element e && e.isBlock() && depth > 0) {
                    out.append("\n\n");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock() && depth > 0) {
                    out.append("\n\n");
                }
            }
        }, body);
        StringBuilder lines = new StringBuilder();
        for (String line : SPACES.matcher(out.toString()).replaceAll(" ").split("\n", -1)) {
            lines.append(line.strip()).append('\n');
        }
        String text = BREAKS.matcher(lines.toString().strip()).replaceAll("\n\n");
        int words = 0;
        for (String token : text.split("\\s+")) {
            if (WORD.matcher(token).find()) {
                words++;
            }
        }
        int minutes = words == 0 ? 0 : Math.max(1, (int) Math.ceil(words / (double) WORDS_PER_MINUTE));
        return new TextStats(text, words, minutes);
    }
}
