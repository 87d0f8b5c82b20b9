package news.dispatch.article;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The article list parameters, as sent: the shared filters and paging ({@link ArticleFilterParams}) plus the
 * list's order, total and editors' status filter. All are checked by {@link ArticleQuery#parse}.
 */
public class ArticleListParams extends ArticleFilterParams {

    @QueryParam("sort")
    @Parameter(description = "Order: `-publishedAt` (newest first, the default), `publishedAt` (oldest first) or `-updatedAt` (latest change first).",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"-publishedAt", "publishedAt", "-updatedAt"},
                    defaultValue = "-publishedAt"))
    public String sort;

    @QueryParam("count")
    @Parameter(description = "`true` adds `page.total`, the size of the whole list.",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String count;

    @QueryParam("status")
    @Parameter(description = "Editors only: articles in this workflow state instead of the published ones. "
            + "Drafts are ordered by `-updatedAt`.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"draft", "scheduled", "published", "unpublished"}))
    public String status;
}
