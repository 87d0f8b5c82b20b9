package news.dispatch.article;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters and paging that article lists and search share, as sent: read as strings and checked by
 * {@link ArticleQuery#parse}, so a bad value is a 400 naming the parameter, never a 404 or 500.
 * {@code fields} and {@code include} come from {@link ArticleShapeParams} ({@link ArticleShape#parse}).
 */
public class ArticleFilterParams extends ArticleShapeParams {

    @QueryParam("section")
    @Parameter(description = "Only articles in this section (slug).", example = "politics")
    public String section;

    @QueryParam("tag")
    @Parameter(description = "Tag slugs: `iraq,iran` = tagged with all of them; `iraq|iran` = with any of them.",
            example = "iraq,united-states")
    public String tag;

    @QueryParam("byline")
    @Parameter(description = "Only articles credited to this byline (slug).", example = "esta")
    public String byline;

    @QueryParam("lang")
    @Parameter(description = "Only articles in this language (BCP 47 tag).", example = "en")
    public String lang;

    @QueryParam("from")
    @Parameter(description = "Published at or after this date (`2021-07-01`, from the start of that day, UTC) or RFC 3339 time.",
            example = "2021-07-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Published at or before this date (`2021-07-31`, to the end of that day, UTC) or RFC 3339 time.",
            example = "2021-07-31")
    public String to;

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
            maximum = "100", defaultValue = "20"))
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "Opaque cursor from `page.next` (or the `Link: rel=\"next\"` header) of the previous page.")
    public String cursor;
}
