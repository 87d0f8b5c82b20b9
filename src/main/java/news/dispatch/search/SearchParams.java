package news.dispatch.search;

import jakarta.ws.rs.QueryParam;
import news.dispatch.article.ArticleFilterParams;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The search query and order plus the article list filters, paging, fields and include. */
public class SearchParams extends ArticleFilterParams {

    @QueryParam("q")
    @Parameter(description = "What to find, in web-search syntax: words (English articles match other forms of a word), "
            + "`\"quoted phrases\"`, `or` between alternatives, `-word` or `-\"phrase\"` to exclude. "
            + "In any script: Kurdish and Arabic letter variants are one, and `kurdistan` also finds `کوردستان` (and "
            + "back). At most 300 characters and 20 words.", required = true,
            examples = {
                    @ExampleObject(name = "english", value = "\"prime minister\" biden -trump"),
                    @ExampleObject(name = "sorani", summary = "Sorani, typed on an Arabic keyboard (Arabic kaf and yeh)",
                            value = "هەڵبژاردن كوردستان"),
                    @ExampleObject(name = "kurmanji", summary = "Latin letters also find the Sorani spelling",
                            value = "hilbijartin kurdistan")})
    public String q;

    @QueryParam("sort")
    @Parameter(description = "Order: `relevance` (the default: the newest 1,000 matching articles, most relevant first) "
            + "or `-publishedAt` (every matching article, newest first).",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"relevance", "-publishedAt"}, defaultValue = "relevance"))
    public String sort;
}
