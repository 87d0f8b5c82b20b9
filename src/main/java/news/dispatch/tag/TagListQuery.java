package news.dispatch.tag;

import news.dispatch.common.ApiEnum;
import news.dispatch.web.Cursor;
import news.dispatch.web.Params;
import news.dispatch.web.Slugs;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** A checked tag list request. */
public record TagListQuery(TagType type, String namePattern, boolean byCount, int limit, Cursor cursor, boolean count) {

    String order() {
        return byCount ? "-articleCount" : "name";
    }

    static TagListQuery parse(String type, String q, String sort, String limit, String cursor, String count) {
        List<FieldError> errors = new ArrayList<>();
        TagType tagType = null;
        if (type != null) {
            tagType = ApiEnum.parse(TagType.class, type).orElse(null);
            if (tagType == null) {
                errors.add(new FieldError("type", "must be " + ApiEnum.choices(TagType.class)));
            }
        }
        String pattern = null;
        if (q != null) {
            if (q.isBlank() || q.length() > 100) {
                errors.add(new FieldError("q", "must be 1 to 100 characters"));
            } else {
                pattern = Slugs.prefixPattern(q);
            }
        }
        boolean byCount = false;
        if (sort != null) {
            if (sort.equals("-articleCount")) {
                byCount = true;
            } else if (!sort.equals("name")) {
                errors.add(new FieldError("sort", "must be name or -articleCount"));
            }
        }
        int size = Params.limit(limit, errors);
        boolean withCount = Params.bool("count", count, errors);
        Cursor decoded = Params.cursor(cursor, byCount ? "-articleCount" : "name", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new TagListQuery(tagType, pattern, byCount, size, decoded, withCount);
    }
}
