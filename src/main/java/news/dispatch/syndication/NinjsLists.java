package news.dispatch.syndication;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.access.Rights;
import news.dispatch.article.ArticleListParams;
import news.dispatch.article.ArticleQuery;
import news.dispatch.article.ArticleService;
import news.dispatch.article.ArticleSummary;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.Representations;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every article list as IPTC ninjs (docs/decisions/052): the articles of {@code /v1/articles} and of a
 * section, tag or byline, and search results. ninjs has no list type, so a page keeps the API's list
 * shape ({@code items}, {@code page}, {@code Link}) with a partial ninjs document (no body) per item.
 * The syndication rights apply to everyone below editor: a story not allowed for syndication, still
 * embargoed, or outside the key's entitlements is left out.
 */
@ApplicationScoped
public class NinjsLists {

    private final ArticleService articles;
    private final NinjsWriter ninjs;
    private final Representations representations;

    public NinjsLists(ArticleService articles, NinjsWriter ninjs, Representations representations) {
        this.articles = articles;
        this.ninjs = ninjs;
        this.representations = representations;
    }

    /**
     * An article list with the list parameters, within a scope (resolved after the parameters are
     * checked, so a bad parameter is a 400 and an unknown section, tag or byline a 404).
     */
    public Response list(HttpHeaders headers, UriInfo uri, ArticleListParams params, Supplier<ArticleService.Scope> scope) {
        NinjsVersion version = NinjsVersion.requested(headers);
        requireNoShape(uri);
        ArticleQuery query = ArticleQuery.parse(params);
        Page<ArticleSummary> page = articles.list(query, scope.get(), Rights.Channel.SYNDICATION);
        return page(headers, uri, page.items(), page.page(), version);
    }

    /**
     * ninjs documents have the shape IPTC gives them: {@code fields} and {@code include}, which shape the
     * JSON of the same operation, are a 400 here rather than silently ignored.
     */
    public static void requireNoShape(UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : List.of("fields", "include")) {
            if (uri.getQueryParameters().containsKey(name)) {
                errors.add(new FieldError(name, "shapes JSON only; ninjs documents have the shape IPTC defines"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** A page of articles already chosen under the syndication rights (search), in their order. */
    public Response page(HttpHeaders headers, UriInfo uri, List<ArticleSummary> items, PageInfo info, NinjsVersion version) {
        List<ObjectNode> documents = items.stream().map(a -> ninjs.article(a, null, 0, version)).toList();
        return representations.bytes(headers, representations.serialize(new Page<>(documents, info)), version.mediaType(),
                null, null, Representations.nextLink(uri, info));
    }
}
