package news.dispatch.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The spelling search compares: the letter variants that Kurdish, Arabic and Persian keyboards produce made one, marks
 * and joiners dropped, Latin letters without their accents (docs/decisions/131-search-in-kurdish-and-arabic.md).
 * PostgreSQL applies the same table to the indexed text ({@code search_fold} in migration V55, a {@code translate}
 * over {@link #FROM} and {@link #TO}); a test checks that the two agree.
 */
public final class SearchFolding {

    /**
     * Each character of FROM becomes the character of TO at the same place; those past the end of TO are dropped
     * (as PostgreSQL's {@code translate} does).
     */
    public static final String FROM =
            // yeh: the Kurdish/Persian yeh, alef maksura and Kurdish ê as the Arabic yeh (the letters PostgreSQL's Arabic
            // stemmer knows)
            "\u06CC\u0649\u06CE"
            // kaf: the Kurdish/Persian keheh as the Arabic kaf
            + "\u06A9"
            // heh: Kurdish ae (e), heh doachashmee, heh with yeh as heh (teh marbuta stays: the Arabic stemmer strips it)
            + "\u06D5\u06BE\u06C0"
            // alef with hamza above, below, madda, wasla as alef
            + "\u0623\u0625\u0622\u0671"
            // waw with hamza, Kurdish o as waw; Kurdish ll, rr, v as l, r, f
            + "\u0624\u06C6\u06B5\u0695\u06A4"
            // Arabic-Indic and Eastern Arabic-Indic digits
            + "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
            + "\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9"
            // Latin letters with accents (the Kurdish ê î û ç ş among them), both cases
            + "àáâãäåèéêëìíîïòóôõöùúûüçşñğẍḧ"
            + "ÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÇŞÑĞẌḦ"
            // dropped: harakat and other Arabic marks, superscript alef, tatweel, Quranic marks, ZWNJ, ZWJ, LRM, RLM,
            // soft hyphen
            + "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065A"
            + "\u065B\u065C\u065D\u065E\u065F\u0670\u0640"
            + "\u06D6\u06D7\u06D8\u06D9\u06DA\u06DB\u06DC\u06DF\u06E0\u06E1\u06E2\u06E3\u06E4\u06E7\u06E8\u06EA\u06EB"
            + "\u06EC\u06ED"
            + "\u200C\u200D\u200E\u200F\u00AD";

    public static final String TO =
            "\u064A\u064A\u064A"
            + "\u0643"
            + "\u0647\u0647\u0647"
            + "\u0627\u0627\u0627\u0627"
            + "\u0648\u0648\u0644\u0631\u0641"
            + "0123456789"
            + "0123456789"
            + "aaaaaaeeeeiiiiooooouuuucsngxh"
            + "aaaaaaeeeeiiiiooooouuuucsngxh";

    private static final Map<Character, Character> MAP = new HashMap<>();
    /** Each folded character and the characters that fold to it (itself first), for the H2 regular expressions. */
    private static final Map<Character, StringBuilder> VARIANTS = new HashMap<>();

    static {
        if (FROM.length() < TO.length()) {
            throw new IllegalStateException("FROM must be at least as long as TO");
        }
        for (int i = 0; i < FROM.length(); i++) {
            char from = FROM.charAt(i);
            char to = i < TO.length() ? TO.charAt(i) : '\0';
            MAP.put(from, to);
            if (to != '\0') {
                VARIANTS.computeIfAbsent(to, c -> new StringBuilder().append(c)).append(from);
            }
        }
    }

    private SearchFolding() {
    }

    /** The text lower-cased and folded. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            Character to = MAP.get(c);
            if (to == null) {
                out.append(c);
            } else if (to != '\0') {
                out.append(to.charValue());
            }
        }
        return out.toString();
    }

    /** The characters that fold to a folded character, itself included. */
    public static String variants(char folded) {
        StringBuilder v = VARIANTS.get(folded);
        return v == null ? String.valueOf(folded) : v.toString();
    }

    /**
     * The Arabic-script words of a text in Latin letters, accents folded away, in their order and separated by spaces;
     * null when the text has none. Read as Kurdish (Sorani, decision 130) unless the language or the letters say Arabic.
     * This is how a reader types a Sorani word on a Latin keyboard: {@code هەولێر} gives {@code hewler}, {@code سلێمانی}
     * {@code silemani}, {@code هەڵبژاردن} {@code helbijardin}. Indexed beside the text of articles not in English or
     * Arabic (docs/decisions/131-search-in-kurdish-and-arabic.md), so that such a query finds the Arabic-script
     * spelling without guessing the letters the Latin spelling leaves out.
     */
    public static String latinWords(String text, String language) {
        if (text == null || !Romanizer.hasArabicScript(text)) {
            return null;
        }
        Romanizer.Reading reading = Romanizer.reading(text, language);
        StringBuilder out = new StringBuilder(text.length());
        for (String word : Romanizer.arabicScriptWords(text)) {
            for (String w : NON_WORD.split(fold(Romanizer.wordToLatin(word, reading)))) {
                if (!w.isEmpty()) {
                    out.append(out.isEmpty() ? "" : " ").append(w);
                }
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /**
     * Whether a language tag is English or Arabic ({@code en}, {@code en-*}, {@code ar}, {@code ar-*}): the languages
     * PostgreSQL searches with their own configurations, whose articles get no Latin spelling.
     */
    public static boolean englishOrArabic(String language) {
        String l = language.toLowerCase(Locale.ROOT);
        return l.equals("en") || l.startsWith("en-") || l.equals("ar") || l.startsWith("ar-");
    }

    private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The characters fold drops. */
    public static String dropped() {
        return FROM.substring(TO.length());
    }
}
