package news.dispatch.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.web.Page;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sparse fields and embedding of article representations (API.md "Sparse fields and embedding",
 * docs/decisions/041-fields-and-include.md).
 * <ul>
 *   <li>{@code fields} names the members to keep; it applies to the article and to every summary
 *       nested in it (navigation, related). Naming an optional part in {@code fields} includes it.</li>
 *   <li>{@code include} names the optional parts to embed: on lists {@code body} and
 *       {@code corrections} (none by default); on the single article also {@code navigation} and
 *       {@code related} (all by default, but once {@code include} or {@code fields} is given only
 *       the parts they name).</li>
 * </ul>
 * Parts not asked for are not loaded at all, so they cost no SQL statement.
 */
public record ArticleShape(Set<String> fields, Set<Part> parts) {

    /** The optional parts of an article. */
    public enum Part {
        BODY, CORRECTIONS, NAVIGATION, RELATED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a representation is shown, which decides the parts allowed and those given by default. */
    public enum Context {
        ARTICLE(EnumSet.allOf(Part.class), EnumSet.allOf(Part.class)),
        LIST(EnumSet.of(Part.BODY, Part.CORRECTIONS), EnumSet.noneOf(Part.class)),
        RELATED(EnumSet.noneOf(Part.class), EnumSet.noneOf(Part.class));

        final Set<Part> allowed;
        final Set<Part> defaults;

        Context(Set<Part> allowed, Set<Part> defaults) {
            this.allowed = allowed;
            this.defaults = defaults;
        }
    }

    /** The members of a summary, as JSON names. */
    public static final Set<String> SUMMARY_FIELDS = Arrays.stream(ArticleSummary.class.getRecordComponents())
            .map(c -> c.getName()).collect(Collectors.toCollection(LinkedHashSet::new));

    /** The body's uploaded images ({@link ArticleView#images()}): shown with the body. */
    private static final String IMAGES = "images";

    private static final Set<Part> ALL_PARTS = EnumSet.allOf(Part.class);

    private static final Set<String> PART_NAMES = Arrays.stream(Part.values()).map(Part::value)
            .collect(Collectors.toUnmodifiableSet());

    /** Everything, the default of each context. */
    public static ArticleShape full(Context context) {
        return new ArticleShape(null, context.defaults);
    }

    public boolean has(Part part) {
        return parts.contains(part);
    }

    /**
     * Whether {@link #apply} can remove anything: not when no {@code fields} are named and every part is embedded
     * (the single article's default), so that the answer is the record serialised as it is.
     */
    public boolean trims() {
        return fields != null || !parts.containsAll(ALL_PARTS);
    }

    /**
     * Checks {@code fields} and {@code include} for a context; every unknown or misplaced name is a 400.
     * A parameter given empty ({@code include=}) counts as given: it names nothing.
     */
    public static ArticleShape parse(ArticleShapeParams params, Context context, UriInfo uri) {
        return parse(given(params.fields, "fields", uri), given(params.include, "include", uri), context, List.of());
    }

    /** The parameter's value, "" when it was sent empty (the framework hands those over as null). */
    public static String given(String value, String name, UriInfo uri) {
        return value == null && uri.getQueryParameters().containsKey(name) ? "" : value;
    }

    /**
     * @param extra members a context adds and {@code fields} may name without effect (search: score, highlight)
     */
    public static ArticleShape parse(String fieldsParam, String includeParam, Context context, Collection<String> extra) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> fields = null;
        Set<Part> parts = EnumSet.noneOf(Part.class);
        if (fieldsParam != null) {
            fields = new LinkedHashSet<>();
            for (String name : names(fieldsParam)) {
                Part part = part(name);
                if (part != null && context.allowed.contains(part)) {
                    parts.add(part);
                } else if (SUMMARY_FIELDS.contains(name) || extra.contains(name)) {
                    fields.add(name);
                } else {
                    errors.add(new FieldError("fields", "unknown field '" + name + "'; known: "
                            + String.join(", ", known(context, extra))));
                }
            }
            if (fields.isEmpty() && parts.isEmpty() && errors.isEmpty()) {
                errors.add(new FieldError("fields", "must name at least one field"));
            }
        }
        if (includeParam != null) {
            for (String name : names(includeParam)) {
                Part part = part(name);
                if (part == null || !context.allowed.contains(part)) {
                    errors.add(new FieldError("include", context.allowed.isEmpty()
                            ? "'" + name + "' cannot be included here; this operation embeds nothing"
                            : "'" + name + "' cannot be included here; allowed: "
                            + context.allowed.stream().map(Part::value).collect(Collectors.joining(", "))));
                } else {
                    parts.add(part);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (fieldsParam == null && includeParam == null) {
            parts.addAll(context.defaults);
        }
        return new ArticleShape(fields == null ? null : Set.copyOf(fields), Set.copyOf(parts));
    }

    /**
     * The page as {@link #applyToItems} would leave it, where that needs no JSON tree: no {@code fields}, and items
     * that are related posts (nothing to trim) or list items embedding no part (their summaries); null otherwise.
     */
    public Page<?> untrimmed(Page<?> page) {
        if (fields != null) {
            return null;
        }
        List<Object> items = new ArrayList<>(page.items().size());
        for (Object item : page.items()) {
            if (item instanceof RelatedArticle) {
                items.add(item);
            } else if (item instanceof ArticleView view && parts.isEmpty()) {
                items.add(view.summary());
            } else {
                return null;
            }
        }
        return new Page<>(items, page.page());
    }

    /** Trims an article object (summary, full article, search hit) in place, and the summaries nested in it. */
    public void apply(JsonNode node) {
        if (!(node instanceof ObjectNode article)) {
            return;
        }
        Iterator<String> names = article.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            Part part = IMAGES.equals(name) ? Part.BODY : part(name); // the body's images come with the body
            if (part != null ? !parts.contains(part) : fields != null && SUMMARY_FIELDS.contains(name) && !fields.contains(name)) {
                names.remove();
            }
        }
        JsonNode navigation = article.get("navigation");
        if (navigation instanceof ObjectNode n) {
            nested(n.get("previous"));
            nested(n.get("next"));
        }
        JsonNode related = article.get("related");
        if (related != null && related.isArray()) {
            related.forEach(this::nested);
        }
    }

    /** A summary inside an article: the same fields, never parts of its own. */
    private void nested(JsonNode node) {
        if (node instanceof ObjectNode summary) {
            Iterator<String> names = summary.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (PART_NAMES.contains(name) || fields != null && SUMMARY_FIELDS.contains(name) && !fields.contains(name)) {
                    names.remove();
                }
            }
        }
    }

    /** Trims every item of a page ({@code {"items": [...]}}). */
    public void applyToItems(JsonNode page) {
        JsonNode items = page.get("items");
        if (items != null && items.isArray()) {
            items.forEach(this::apply);
        }
    }

    private static List<String> names(String value) {
        List<String> names = new ArrayList<>();
        for (String n : value.split(",", -1)) {
            String name = n.trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static Part part(String name) {
        for (Part p : Part.values()) {
            if (p.value().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static List<String> known(Context context, Collection<String> extra) {
        List<String> known = new ArrayList<>(SUMMARY_FIELDS);
        known.addAll(extra);
        context.allowed.forEach(p -> known.add(p.value()));
        return known;
    }
}
