package news.dispatch.ops;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.dispatch.text.BodyText;
import news.dispatch.text.Direction;
import news.dispatch.text.HtmlSanitizer;
import news.dispatch.text.InputText;
import news.dispatch.text.SearchFolding;
import news.dispatch.text.Slugifier;

import java.util.List;

/**
 * Runs the text work of a write once after start, on a thread of its own, so that its one-time initialisations are
 * done before the first write needs them (docs/decisions/172-text-warm-up.md): the HTML policy, jsoup's entity tables,
 * ICU's transliterators (Latin spelling of Sorani, Kurmanji and Arabic for search and slugs). They take about 2.7 s of
 * one idle core; in the first writes of an instance under load they took 15–20 s, each write waiting for the same
 * class initialisation, and the first writes timed out.
 */
@ApplicationScoped
public class TextWarmup {

    /** A body in the languages the outlet writes, with what the sanitiser and the body's text both look at. */
    static final String BODY = "<h2>سلێمانی</h2><p>هەواڵی <b>Silêmanî</b> &amp; <a href=\"https://example.com/a\">Kurdistan</a>"
            + " أخبار</p><figure><img src=\"https://example.com/a.jpg\" alt=\"wêne\"><figcaption>وێنە</figcaption></figure>"
            + "<ul><li>yek</li></ul><blockquote>«دەق»</blockquote>";
    static final List<String> LANGUAGES = List.of("ckb", "kmr", "ar", "en");

    private volatile boolean done;

    void onStart(@Observes StartupEvent start) {
        Thread thread = new Thread(this::warm, "dispatch-text-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** The text work of one write in each language; true once done. */
    boolean warm() {
        long began = System.nanoTime();
        try {
            String html = HtmlSanitizer.sanitize(BODY);
            String text = BodyText.of(html).text();
            for (String language : LANGUAGES) {
                InputText.normalise(text);
                SearchFolding.latinWords(text, language);
                SearchFolding.fold(text);
                Slugifier.from(text, language);
                Direction.ofLanguage(language);
            }
            done = true;
            Log.debugf("Text work warmed up in %d ms", (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException e) {
            Log.warnf(e, "Warming up the text work failed; the first writes do it");
        }
        return done;
    }

    /** Whether the warm-up has run (tests). */
    boolean done() {
        return done;
    }
}
