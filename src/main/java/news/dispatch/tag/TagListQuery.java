package news.dispatch.tag;

import news.dispatch.web.Cursor;
import news.dispatch.web.PageParams;
import news.dispatch.web.Params;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** A checked tag list request. */
public record TagListQuery(TagType type, String namePattern, boolean byCount, int limit, Cursor cursor, boolean count) {

    String order() {
        return byCount ? "-articleCount" : "name";
    }

    static TagListQuery parse(String type, String q, String sort, PageParams paging) {
        List<FieldError> errors = new ArrayList<>();
        TagType tagType = Params.choice("type", type, TagType.class, errors);
        String pattern = Params.namePrefix("q", q, errors);
        boolean byCount = false;
        if (sort != null) {
            if (sort.equals("-articleCount")) {
                byCount = true;
            } else if (!sort.equals("name")) {
                errors.add(new FieldError("sort", "must be name or -articleCount"));
            }
        }
        PageParams.Request page = paging.check(byCount ? "-articleCount" : "name", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new TagListQuery(tagType, pattern, byCount, page.size(), page.after(), page.withCount());
    }
}
