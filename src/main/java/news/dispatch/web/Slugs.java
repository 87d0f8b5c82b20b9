package news.dispatch.web;

import news.dispatch.common.Ids;
import news.dispatch.text.Slugifier;
import news.dispatch.web.problem.ProblemException;

import java.util.Locale;
import java.util.function.Predicate;

/** The slug rule of sections, tags and bylines, and helpers for the tag and byline list parameters. */
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

    /**
     * The slug a section, tag or byline write stores: the one sent, else the current one (slugs are
     * stable), else one made from the name that no other has. One that looks like an id is a 400 (ids
     * and slugs share the paths); one that another {@code noun} has is a 409.
     */
    public static String choose(String sent, String current, String name, Predicate<String> takenByAnother, String noun) {
        String slug = sent != null ? sent
                : current != null ? current
                : Slugifier.unique(Slugifier.from(name), takenByAnother);
        if (Ids.parse(slug).isPresent()) {
            throw ProblemException.invalid("slug", "must not look like an id");
        }
        if (!slug.equals(current) && takenByAnother.test(slug)) {
            throw ProblemException.conflict("The slug '" + slug + "' is already used by another " + noun + ".");
        }
        return slug;
    }
}
