package news.dispatch.web;

import news.dispatch.common.ApiEnum;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.util.List;

/** Parsing of the list parameters every list shares; each bad value adds one error naming the parameter. */
public final class Params {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Params() {
    }

    /**
     * A page size: absent → 20; otherwise a whole number 1..100 in its one spelling (no sign, no leading zero):
     * {@code limit=0020} would be another cache entry for the same page (docs/decisions/120).
     */
    public static int limit(String value, List<FieldError> errors) {
        return limit(value, DEFAULT_LIMIT, MAX_LIMIT, errors);
    }

    /** A number of items: absent → the default; otherwise a whole number 1..max. */
    public static int limit(String value, int defaultLimit, int max, List<FieldError> errors) {
        if (value == null) {
            return defaultLimit;
        }
        if (value.length() <= 3 && !value.isEmpty() && value.charAt(0) != '0' && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        }
        errors.add(new FieldError("limit", "must be a whole number from 1 to " + max));
        return defaultLimit;
    }

    /** true or false, absent → false. */
    public static boolean bool(String name, String value, List<FieldError> errors) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        errors.add(new FieldError(name, "must be true or false"));
        return false;
    }

    /** One of an enum's API values, absent → null; anything else is an error listing the values. */
    public static <E extends Enum<E> & ApiEnum> E choice(String name, String value, Class<E> type, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        E chosen = ApiEnum.parse(type, value).orElse(null);
        if (chosen == null) {
            errors.add(new FieldError(name, "must be " + ApiEnum.choices(type)));
        }
        return chosen;
    }

    /** A name prefix of 1 to 100 characters, as a LIKE pattern of name keys ({@link Slugs#prefixPattern}); absent → null. */
    public static String namePrefix(String name, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > 100) {
            errors.add(new FieldError(name, "must be 1 to 100 characters"));
            return null;
        }
        return Slugs.prefixPattern(value);
    }

    /** A cursor of the given order, decoded only when the other parameters were fine. */
    public static Cursor cursor(String value, String order, List<FieldError> errors) {
        if (value == null || !errors.isEmpty()) {
            return null;
        }
        try {
            return Cursor.decode(value, order);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
