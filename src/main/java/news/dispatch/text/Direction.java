package news.dispatch.text;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.util.ULocale;

/**
 * Which way a text runs, {@code rtl} or {@code ltr} (docs/decisions/132-direction-and-translations.md): from its language
 * where it is known (ICU's likely script for the language: {@code ckb}, {@code ar}, {@code fa} right to left;
 * {@code ku}, which is Kurmanji in Latin letters, and {@code ckb-Latn} left to right), else from the first strong
 * letter of the text (the Unicode bidirectional algorithm's rule P2), left to right when it has none.
 */
public final class Direction {

    public static final String RTL = "rtl";
    public static final String LTR = "ltr";

    /**
     * ICU's answer per language tag: it adds the likely subtags each time (1–8 µs a call), and every summary an answer
     * shows asks. Bounded, though the stored articles hold only a few languages.
     */
    private static final LoadingCache<String, String> BY_LANGUAGE = Caffeine.newBuilder().maximumSize(1_000)
            .build(tag -> ULocale.forLanguageTag(tag).isRightToLeft() ? RTL : LTR);

    private Direction() {
    }

    /** The direction of a language (a BCP 47 tag). */
    public static String ofLanguage(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return LTR;
        }
        return BY_LANGUAGE.get(languageTag);
    }

    /** The direction of a text by its first strong letter. */
    public static String ofText(String text) {
        if (text == null || text.isEmpty()) {
            return LTR;
        }
        return Bidi.getBaseDirection(text) == Bidi.RTL ? RTL : LTR;
    }
}
