package news.dispatch.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain text of an article body and what is derived from it: paragraphs separated by blank
 * lines, the word count and the reading time (at 200 words a minute, at least one minute).
 */
public record BodyText(String text, int wordCount, int readingMinutes) {

    static final int WORDS_PER_MINUTE = 200;

    public static BodyText of(String html) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        List<String> blocks = new ArrayList<>();
        for (Element block : doc.body().select("p, h1, h2, h3, h4, h5, h6, li, blockquote:not(:has(p)), figcaption, pre")) {
            String t = block.text().trim();
            if (!t.isEmpty()) {
                blocks.add(t);
            }
        }
        if (blocks.isEmpty()) {
            String t = doc.body().text().trim();
            if (!t.isEmpty()) {
                blocks.add(t);
            }
        }
        String text = String.join("\n\n", blocks);
        int words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
        int minutes = Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
        return new BodyText(text, words, minutes);
    }
}
