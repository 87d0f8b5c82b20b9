package news.dispatch.article;

import jakarta.ws.rs.HeaderParam;
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
    @Parameter(description = "Only articles in this language (BCP 47 tag). Without it, `Accept-Language` may choose one.",
            example = "en")
    public String lang;

    /** Read by the front door, not here (web/ListLanguage): declared for the API description. */
    @HeaderParam("Accept-Language")
    @Parameter(description = "Without `lang`, the first of the outlet's languages (`ckb`, `kmr`, `ar`, `en`) that this header "
            + "accepts (RFC 4647 lookup: `en-US` finds `en`; `ku` is Kurmanji, `ku-Arab` or `ku-IQ` Sorani) restricts the list "
            + "as `lang` would: the answer has that `Content-Language`, its next-page link names `lang`, and it says "
            + "`Vary: Accept-Language`. A header naming none of them, `*` or an unreadable one leaves every language in. "
            + "A batch read (`ids`) ignores it.", example = "ckb, en;q=0.8")
    public String acceptLanguage;

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
