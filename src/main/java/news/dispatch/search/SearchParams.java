package news.dispatch.search;

import jakarta.ws.rs.QueryParam;
import news.dispatch.article.ArticleListParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The search query plus every article list parameter (filters, paging, fields, include). */
public class SearchParams extends ArticleListParams {

    @QueryParam("q")
    @Parameter(description = "What to find, in web-search syntax: words (English articles match other forms of a word), "
            + "`\"quoted phrases\"`, `or` between alternatives, `-word` or `-\"phrase\"` to exclude. "
            + "At most 300 characters and 20 words.", required = true, example = "\"prime minister\" biden -trump")
    public String q;
}
