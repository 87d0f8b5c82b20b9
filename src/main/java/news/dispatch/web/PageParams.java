package news.dispatch.web;

import jakarta.ws.rs.QueryParam;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * The paging parameters of a list, as sent ({@code @BeanParam}): {@code limit}, {@code cursor} and {@code count},
 * checked by {@link Params}. (The article lists have their own, worded for them: article/ArticleFilterParams.)
 */
public class PageParams {

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 100.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "Opaque cursor from `page.next`.")
    public String cursor;

    @QueryParam("count")
    @Parameter(description = "`true` adds `page.total`.", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String count;

    /** A checked page request: the page size, where it starts and whether the total is wanted. */
    public record Request(int size, Cursor after, boolean withCount) {
    }

    /** The page request of a list in this order; a 400 naming each bad parameter. */
    public Request check(String order) {
        List<FieldError> errors = new ArrayList<>();
        Request request = check(order, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return request;
    }

    /** The same, after the list's other parameters: their errors come first, and a cursor is decoded only without any. */
    public Request check(String order, List<FieldError> errors) {
        int size = Params.limit(limit, errors);
        boolean withCount = Params.bool("count", count, errors);
        return new Request(size, Params.cursor(cursor, order, errors), withCount);
    }
}
