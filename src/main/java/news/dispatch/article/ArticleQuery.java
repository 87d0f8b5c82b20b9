package news.dispatch.article;

import news.dispatch.web.Cursor;
import news.dispatch.web.Params;
import news.dispatch.web.Timestamps;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A checked article list request. */
public record ArticleQuery(
        String section,
        Set<String> tags,
        boolean anyTag,
        String byline,
        String language,
        Instant from,
        Instant to,
        ArticleSort sort,
        int limit,
        Cursor cursor,
        boolean count,
        ArticleStatus status) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*");
    public static final String LANGUAGE_RULE = "must be a BCP 47 language tag such as en or pt-BR";

    /** A {@code lang} parameter as stored (BCP 47, canonical case: {@code ckb}, {@code pt-BR}); null when it is none. */
    public static String languageTag(String raw) {
        return raw != null && LANGUAGE.matcher(raw).matches() ? Locale.forLanguageTag(raw).toLanguageTag() : null;
    }

    public boolean hasTags() {
        return !tags.isEmpty();
    }

    /** Parses every parameter and reports all bad ones at once. */
    public static ArticleQuery parse(ArticleListParams p) {
        List<FieldError> errors = new ArrayList<>();

        String section = slug("section", p.section, errors);
        String byline = slug("byline", p.byline, errors);

        Set<String> tags = new LinkedHashSet<>();
        boolean anyTag = false;
        if (p.tag != null) {
            boolean hasAll = p.tag.contains(",");
            anyTag = p.tag.contains("|");
            if (hasAll && anyTag) {
                errors.add(new FieldError("tag", "use either ',' (all of) or '|' (any of), not both"));
            } else {
                for (String t : p.tag.split(anyTag ? "\\|" : ",", -1)) {
                    if (!SLUG.matcher(t).matches()) {
                        errors.add(new FieldError("tag", "'" + t + "' is not a tag slug"));
                        break;
                    }
                    tags.add(t);
                }
                if (tags.size() > 10) {
                    errors.add(new FieldError("tag", "at most 10 tags"));
                }
            }
        }

        String language = null;
        if (p.lang != null) {
            language = languageTag(p.lang);
            if (language == null) {
                errors.add(new FieldError("lang", LANGUAGE_RULE));
            }
        }

        Instant from = time("from", p.from, false, errors);
        Instant to = time("to", p.to, true, errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("from", "must not be after to"));
        }

        ArticleStatus status = null;
        if (p.status != null) {
            status = news.dispatch.common.ApiEnum.parse(ArticleStatus.class, p.status).orElse(null);
            if (status == null) {
                errors.add(new FieldError("status", "must be " + news.dispatch.common.ApiEnum.choices(ArticleStatus.class)));
            }
        }

        // Drafts have no publication time: their list is ordered by the latest change.
        ArticleSort sort = status == ArticleStatus.DRAFT ? ArticleSort.LATEST_CHANGE : ArticleSort.NEWEST;
        if (p.sort != null) {
            sort = ArticleSort.parse(p.sort).orElse(null);
            if (sort == null) {
                errors.add(new FieldError("sort", "must be -publishedAt, publishedAt or -updatedAt"));
                sort = ArticleSort.NEWEST;
            }
        }

        if (status == ArticleStatus.DRAFT && sort != ArticleSort.LATEST_CHANGE) {
            errors.add(new FieldError("sort", "drafts have no publication time; use -updatedAt"));
        }

        int limit = Params.limit(p.limit, errors);
        boolean count = Params.bool("count", p.count, errors);
        Cursor cursor = Params.cursor(p.cursor, sort.parameter(), errors);
        if (cursor != null) {
            try {
                ArticleCursors.key(cursor);
            } catch (ProblemException e) {
                errors.addAll(e.errors());
            }
        }

        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ArticleQuery(section, Set.copyOf(tags), anyTag, byline, language, from, to, sort, limit, cursor, count,
                status);
    }

    private static String slug(String name, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (!SLUG.matcher(value).matches() && news.dispatch.common.Ids.parse(value).isEmpty()) {
            errors.add(new FieldError(name, "'" + value + "' is not a slug or id"));
            return null;
        }
        return value;
    }

    private static Instant time(String name, String value, boolean endOfDay, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        Instant at;
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                at = endOfDay
                        ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000)
                        : day.atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                at = OffsetDateTime.parse(value).toInstant();
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date (2021-07-10) or an RFC 3339 time (2021-07-10T09:30:00Z)"));
            return null;
        }
        if (!Timestamps.storable(at)) {
            errors.add(new FieldError(name, Timestamps.OUT_OF_RANGE));
            return null;
        }
        return at;
    }

}
