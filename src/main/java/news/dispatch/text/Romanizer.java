package news.dispatch.text;

import com.ibm.icu.text.Transliterator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arabic-script text in Latin letters, with rules of our own for ICU's rule-based {@link Transliterator}
 * (docs/decisions/130-transliteration.md): Sorani Kurdish to the Kurdish Latin (Hawar) alphabet, with the unwritten
 * vowel {@code i} put back between consonants, and Arabic to a plain romanisation of its letters. Text in other scripts
 * is left as it is. Used for slugs and to search one spelling of a Kurdish word by the other.
 */
public final class Romanizer {

    /** The Arabic-script letters, marks and signs (Arabic, Arabic Supplement, Presentation Forms). */
    private static final Pattern ARABIC_WORD = Pattern.compile(
            "[\\u0600-\\u06FF\\u0750-\\u077F\\uFB50-\\uFDFF\\uFE70-\\uFEFF\\u200C\\u200D]+");
    /** Letters only Kurdish (Sorani) writes: ە ێ ۆ ڵ ڕ ڤ, and ی, ک as Kurdish (and Persian) keyboards type them. */
    private static final Pattern KURDISH_LETTERS = Pattern.compile("[\\u06D5\\u06CE\\u06C6\\u06B5\\u0695\\u06A4\\u06CC\\u06A9\\u06BE]");
    /** Letters only Arabic writes: ة ى ي ك أ إ ؤ ث ذ ض ظ. */
    private static final Pattern ARABIC_LETTERS = Pattern.compile("[\\u0629\\u0649\\u064A\\u0643\\u0623\\u0625\\u0624\\u062B\\u0630\\u0636\\u0638]");

    /** Marks, tatweel and joiners: not letters of the word, dropped before the rules run. */
    private static final String IGNORED = "[\\u064B-\\u065F\\u0670\\u0640\\u06D6-\\u06ED\\u200C\\u200D\\u200E\\u200F]";

    /**
     * Sorani to Hawar. Vowel letters: ا a, ە e, ێ ê, ۆ o, وو û; و is w next to a vowel and at the start of a word (a word
     * that starts with a vowel writes ئ first: {@code وڵات} wilat), u between consonants and alone (and), ی is
     * y next to a vowel and î between consonants; ئ (the seat of a vowel that starts a syllable) and ع are not written.
     * The rules see their Latin output as the text before them, so the vowel sets hold both scripts.
     */
    private static final String SORANI = """
            :: NFC ;
            $vowel = [ا ە ێ ۆ a e ê o u û i î] ;
            $cons = [[:Latin:] [\\u0620-\\u064A \\u066E-\\u06D3] - $vowel - [ئ ع و ی ي ى]] ;
            [\\u064B-\\u065F \\u0670 \\u0640 \\u06D6-\\u06ED \\u200C \\u200D \\u200E \\u200F] > ;
            و و > û ;
            ^ { و } $vowel > w ;
            ^ { و } $cons > w ;
            $vowel { و > w ;
            $cons { و } [ا ە ێ ۆ] > w ;
            و > u ;
            ^ { [ی ي ى] > y ;
            $vowel { [ی ي ى] > y ;
            $cons { [ی ي ى] } [ا ە ێ ۆ] > y ;
            [ی ي ى] > î ;
            ئ > ;
            ء > ;
            ع > ;
            [ا آ أ إ ٱ] > a ;
            ە > e ;
            ة > e ;
            ێ > ê ;
            ۆ > o ;
            ب > b ; پ > p ; ت > t ; ث > s ; ج > c ; چ > ç ; ح > ḧ ; خ > x ; د > d ; ذ > z ;
            ر > r ; ڕ > r ; ز > z ; ژ > j ; س > s ; ش > ş ; ص > s ; ض > z ; ط > t ; ظ > z ;
            غ > ẍ ; ف > f ; ڤ > v ; ق > q ; [ک ك] > k ; گ > g ; ل > l ; ڵ > l ; م > m ; ن > n ;
            [ه ھ] > h ; ۀ > e ;
            [٠ ۰] > 0 ; [١ ۱] > 1 ; [٢ ۲] > 2 ; [٣ ۳] > 3 ; [٤ ۴] > 4 ; [٥ ۵] > 5 ; [٦ ۶] > 6 ; [٧ ۷] > 7 ; [٨ ۸] > 8 ; [٩ ۹] > 9 ;
            """;

    /**
     * Arabic to a plain romanisation (the consonants of the common English-language usage: th, kh, dh, sh, gh; the long
     * vowels ا a, و u/w, ي i/y; ة a; hamza not written; ع not written next to a vowel letter, "a" elsewhere). Arabic
     * writes no short vowels, and they are not guessed.
     */
    private static final String ARABIC = """
            :: NFC ;
            $vowel = [ا ى a i u] ;
            $cons = [[:Latin:] [\\u0620-\\u064A \\u066E-\\u06D3] - $vowel - [ئ ؤ ء ع و ي ی]] ;
            [\\u064B-\\u065F \\u0670 \\u0640 \\u06D6-\\u06ED \\u200C \\u200D \\u200E \\u200F] > ;
            ^ { و } $vowel > w ;
            $vowel { و > w ;
            $cons { و } [ا] > w ;
            و > u ;
            ^ { [ي ی] > y ;
            $vowel { [ي ی] > y ;
            $cons { [ي ی] } [ا] > y ;
            [ي ی] > i ;
            [ئ ؤ ء] > ;
            [ا ي ى و] { ع > ;
            ع } [ا ي ى و] > ;
            ع > a ;
            [ا آ أ ٱ] > a ; إ > i ; ى > a ; ة > a ;
            ب > b ; پ > p ; ت > t ; ث > th ; ج > j ; چ > ch ; ح > h ; خ > kh ; د > d ; ذ > dh ;
            ر > r ; ز > z ; ژ > zh ; س > s ; ش > sh ; ص > s ; ض > d ; ط > t ; ظ > z ;
            غ > gh ; ف > f ; ڤ > v ; ق > q ; [ك ک] > k ; گ > g ; ل > l ; م > m ; ن > n ;
            [ه ھ ە] > h ;
            [٠ ۰] > 0 ; [١ ۱] > 1 ; [٢ ۲] > 2 ; [٣ ۳] > 3 ; [٤ ۴] > 4 ; [٥ ۵] > 5 ; [٦ ۶] > 6 ; [٧ ۷] > 7 ; [٨ ۸] > 8 ; [٩ ۹] > 9 ;
            """;

    /**
     * Latin (Hawar, or its ASCII spelling: sh, ch, zh, gh, kh) to Sorani, the other way: short i is not written but
     * at the end of a word (where it stands for î), a word that starts with a vowel starts with ئ. Used to search the
     * Sorani spelling of a word typed in Latin letters.
     */
    private static final String LATIN_SORANI = """
            :: NFC ;
            :: Lower ;
            s h > ش ; c h > چ ; z h > ژ ; g h > غ ; k h > خ ;
            ş > ش ; ç > چ ; ẍ > غ ; ḧ > ح ;
            ^ { a > ئا ; ^ { [e é] > ئە ; ^ { ê > ئێ ; ^ { i > ئ ; ^ { î > ئی ; ^ { o > ئۆ ; ^ { u > ئو ; ^ { û > ئوو ;
            a > ا ; [e é] > ە ; ê > ێ ; i } $ > ی ; i > ; î > ی ; o > ۆ ; u > و ; û > وو ;
            b > ب ; c > ج ; d > د ; f > ف ; g > گ ; h > ه ; j > ژ ; k > ک ; l > ل ; m > م ; n > ن ; p > پ ; q > ق ;
            r > ر ; s > س ; t > ت ; v > ڤ ; w > و ; x > خ ; y > ی ; z > ز ;
            """;

    /** The Hawar vowels: a consonant cluster between them takes the unwritten {@code i}. */
    private static final String HAWAR_VOWELS = "aeêiîouû";

    private static final ThreadLocal<Transliterator> SORANI_RULES =
            ThreadLocal.withInitial(() -> Transliterator.createFromRules("Dispatch-Sorani-Latin", SORANI, Transliterator.FORWARD));
    private static final ThreadLocal<Transliterator> LATIN_SORANI_RULES =
            ThreadLocal.withInitial(() -> Transliterator.createFromRules("Dispatch-Latin-Sorani", LATIN_SORANI, Transliterator.FORWARD));
    private static final ThreadLocal<Transliterator> ARABIC_RULES =
            ThreadLocal.withInitial(() -> Transliterator.createFromRules("Dispatch-Arabic-Latin", ARABIC, Transliterator.FORWARD));

    /** The script a text in Arabic letters is in, for the rules to read it with. */
    public enum Reading { KURDISH, ARABIC }

    private Romanizer() {
    }

    /**
     * How to read the Arabic letters of a text: by its language when it is given ({@code ar*} Arabic; {@code ckb},
     * {@code ku*} Kurdish), else Kurdish when a letter only Kurdish keyboards type is in it and no letter only Arabic
     * writes, else Arabic.
     */
    public static Reading reading(String text, String language) {
        if (language != null) {
            String lang = language.toLowerCase(Locale.ROOT);
            if (lang.equals("ar") || lang.startsWith("ar-")) {
                return Reading.ARABIC;
            }
            if (lang.equals("ckb") || lang.startsWith("ckb-") || lang.equals("ku") || lang.startsWith("ku-")) {
                return Reading.KURDISH;
            }
        }
        boolean kurdish = KURDISH_LETTERS.matcher(text).find();
        boolean arabic = ARABIC_LETTERS.matcher(text).find();
        return kurdish && !arabic || kurdish && countKurdish(text) >= countArabic(text) ? Reading.KURDISH : Reading.ARABIC;
    }

    private static long countKurdish(String text) {
        return KURDISH_LETTERS.matcher(text).results().count();
    }

    private static long countArabic(String text) {
        return ARABIC_LETTERS.matcher(text).results().count();
    }

    /** Whether the text has Arabic letters in it. */
    public static boolean hasArabicScript(String text) {
        return text != null && ARABIC_WORD.matcher(text).find();
    }

    /** The text with each Arabic-script word in Latin letters (Hawar letters for Kurdish), the rest as it is. */
    public static String toLatin(String text, String language) {
        if (text == null || !hasArabicScript(text)) {
            return text;
        }
        Reading reading = reading(text, language);
        Matcher m = ARABIC_WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(word(m.group(), reading)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The Arabic-script words of a text, in their order. */
    public static java.util.List<String> arabicScriptWords(String text) {
        java.util.List<String> words = new java.util.ArrayList<>();
        Matcher m = ARABIC_WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** An Arabic-script word in Latin letters, read as {@code reading} says. */
    public static String wordToLatin(String word, Reading reading) {
        return word(word, reading);
    }

    /** A word in Latin letters written in Sorani letters (see {@link #LATIN_SORANI}). */
    public static String toSorani(String latinWord) {
        return LATIN_SORANI_RULES.get().transliterate(latinWord);
    }

    private static String word(String word, Reading reading) {
        String w = word.replaceAll(IGNORED, "");
        if (w.isEmpty()) {
            return "";
        }
        if (reading == Reading.ARABIC) {
            // the article al- written apart, as the usual romanisation does
            String prefix = "";
            if (w.length() > 3 && (w.startsWith("ال") || w.startsWith("ٱل"))) {
                prefix = "al-";
                w = w.substring(2);
            }
            return prefix + ARABIC_RULES.get().transliterate(w);
        }
        return unwrittenVowels(SORANI_RULES.get().transliterate(w));
    }

    /**
     * Puts back the vowel {@code i} that Sorani does not write: a word never starts with two consonants ({@code ژن} jin,
     * {@code سلێمانی} silêmanî; but xw, kw, gw and qw start words: {@code خوێن} xwên), and a cluster of three or more is split after its second consonant
     * ({@code کوردستان} kurdistan, {@code هەڵبژاردن} helbijardin); a word ends in two consonants at most.
     */
    static String unwrittenVowels(String latin) {
        StringBuilder w = new StringBuilder(latin);
        int n = w.length();
        if (n < 2 || !consonant(w.charAt(0))) {
            return clusters(w);
        }
        if (consonant(w.charAt(1)) && !(w.charAt(1) == 'w' && "xkgq".indexOf(w.charAt(0)) >= 0)) {
            w.insert(1, 'i');
        }
        return clusters(w);
    }

    private static String clusters(StringBuilder w) {
        int i = 0;
        while (i < w.length()) {
            if (!consonant(w.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < w.length() && consonant(w.charAt(end))) {
                end++;
            }
            int length = end - i;
            boolean last = end == w.length();
            if (length >= 3) {
                // a final cluster takes its i before the last consonant; a medial one after its second
                w.insert(last ? end - 1 : i + 2, 'i');
                continue; // look at the same cluster again, now shorter
            }
            i = end;
        }
        return w.toString();
    }

    private static boolean consonant(char c) {
        return Character.isLetter(c) && HAWAR_VOWELS.indexOf(c) < 0;
    }
}
