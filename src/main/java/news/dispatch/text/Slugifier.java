package news.dispatch.text;

import com.ibm.icu.text.Transliterator;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * URL slugs made from headlines in any script: Sorani Kurdish and Arabic by rules of our own ({@link Romanizer}, the
 * Kurdish Latin alphabet and a plain Arabic romanisation), every other script by ICU ("Any-Latin"), then all to ASCII
 * ("Latin-ASCII"), so Kurdish, Arabic or Cyrillic headlines give readable slugs.
 */
public final class Slugifier {

    /** What a slug may look like: lower-case ASCII letters and digits in hyphen-separated words. */
    public static final String PATTERN = "[a-z0-9]+(?:-[a-z0-9]+)*";
    public static final int MAX_LENGTH = 80;

    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("(^-+)|(-+$)");
    private static final ThreadLocal<Transliterator> TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private Slugifier() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    /** The slug for a text, cut at a word boundary; "article" when nothing usable remains. */
    public static String from(String text) {
        return from(text, null);
    }

    /**
     * The slug for a text in a language (a BCP 47 tag, or null when not known), cut at a word boundary; "article" when
     * nothing usable remains. The language tells how to read Arabic letters (Kurdish or Arabic).
     */
    public static String from(String text, String language) {
        String latin = Romanizer.toLatin(text == null ? "" : text, language).replace("ẍ", "gh").replace("Ẍ", "Gh");
        String ascii = TO_ASCII.get().transliterate(latin).toLowerCase(Locale.ROOT);
        String slug = EDGE_HYPHENS.matcher(NOT_ALNUM.matcher(ascii).replaceAll("-")).replaceAll("");
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH);
            slug = EDGE_HYPHENS.matcher(slug).replaceAll("");
        }
        return slug.isEmpty() ? "article" : slug;
    }

    /** The first of slug, slug-2, slug-3... that is not taken. */
    public static String unique(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String stem = base.length() + suffix.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH - suffix.length()) : base;
            String candidate = EDGE_HYPHENS.matcher(stem).replaceAll("") + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }
}
