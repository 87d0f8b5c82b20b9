package news.dispatch.web;

import java.util.Locale;

/** Small helpers for list parameters shared by the tag and byline lists. */
public final class Slugs {

    private Slugs() {
    }

    /** The lower-cased key a name is searched by (prefix search on tags and bylines). */
    public static String nameKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern for names starting with the given text, wildcards escaped (escape char '!'). */
    public static String prefixPattern(String prefix) {
        return nameKey(prefix).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
