package news.dispatch.article;

import news.dispatch.common.Ids;
import news.dispatch.text.Slugifier;
import news.dispatch.web.problem.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ids} parameter of a batch read ({@code GET /v1/articles?ids=a,b,c}, docs/decisions/150): 1 to
 * {@link #MAX} article ids or slugs, comma-separated, each named once. A batch is not a list: it takes
 * {@code fields} and {@code include} and none of the list's filters, order or paging.
 */
final class ArticleBatch {

    /** The most ids or slugs one batch read names. */
    static final int MAX = 100;

    private ArticleBatch() {
    }

    /** The keys named, in their order; every problem is added to {@code errors} (then the result is empty). */
    static List<String> parse(String value, ArticleListParams others, List<FieldError> errors) {
        int before = errors.size();
        Map<String, String> combined = new LinkedHashMap<>();
        combined.put("section", others.section);
        combined.put("tag", others.tag);
        combined.put("byline", others.byline);
        combined.put("lang", others.lang);
        combined.put("from", others.from);
        combined.put("to", others.to);
        combined.put("limit", others.limit);
        combined.put("cursor", others.cursor);
        combined.put("sort", others.sort);
        combined.put("count", others.count);
        combined.put("status", others.status);
        combined.forEach((name, given) -> {
            if (given != null) {
                errors.add(new FieldError(name, "cannot be combined with ids (a batch read takes only fields and include)"));
            }
        });
        List<String> keys = new ArrayList<>();
        if (value.isEmpty()) {
            errors.add(new FieldError("ids", "must name at least one article id or slug"));
            return List.of();
        }
        String[] parts = value.split(",", -1);
        if (parts.length > MAX) {
            errors.add(new FieldError("ids", "at most " + MAX + " ids or slugs; " + parts.length + " given"));
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String key : parts) {
            if (Ids.parse(key).isEmpty() && !Slugifier.isValid(key)) {
                errors.add(new FieldError("ids", key.isEmpty() ? "has an empty entry (two commas, or one at an end)"
                        : "'" + shorten(key) + "' is neither an article id nor a slug"));
                break;
            }
            if (!seen.add(key)) {
                errors.add(new FieldError("ids", "names '" + key + "' twice"));
                break;
            }
            keys.add(key);
        }
        return errors.size() > before ? List.of() : List.copyOf(keys);
    }

    /** A bad entry as a message quotes it: at most 40 characters. */
    private static String shorten(String key) {
        return key.length() <= 40 ? key : key.substring(0, 40) + "…";
    }
}
