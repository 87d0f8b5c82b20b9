package news.dispatch.article;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code fields} and {@code include}, taken by every operation that returns articles (docs/decisions/041). */
public class ArticleShapeParams {

    @QueryParam("fields")
    @Parameter(description = "Comma-separated article members to return, e.g. `headline,slug,leadImage`; everything "
            + "else is left out, also in nested summaries (`navigation`, `related`). Naming an optional part "
            + "(`body`, `corrections`, `navigation`, `related`) includes it. Unknown names are a 400.",
            example = "headline,slug,leadImage")
    public String fields;

    @QueryParam("include")
    @Parameter(description = "Comma-separated optional parts to embed. Lists: `body`, `corrections` (none by "
            + "default). The single article: `body`, `corrections`, `navigation`, `related` (all by default; naming "
            + "some leaves the others out, `include=` leaves all out). Unknown names are a 400.",
            example = "body")
    public String include;
}
