package news.dispatch.search;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.access.Rights;
import news.dispatch.article.ArticleListParams;
import news.dispatch.article.ArticleQuery;
import news.dispatch.article.ArticleResponses;
import news.dispatch.article.ArticleShape;
import news.dispatch.cache.Purgeable;
import news.dispatch.common.Ids;
import news.dispatch.syndication.NinjsLists;
import news.dispatch.syndication.NinjsVersion;
import news.dispatch.web.Cursor;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

@Path("/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search over published articles.")
public class SearchResource {

    private static final List<String> HIT_FIELDS = List.of("score", "highlight");

    private final SearchService search;
    private final ArticleResponses responses;
    private final NinjsLists ninjs;

    public SearchResource(SearchService search, ArticleResponses responses, NinjsLists ninjs) {
        this.search = search;
        this.responses = responses;
        this.ninjs = ninjs;
    }

    @GET
    @Operation(operationId = "searchArticles", summary = "Search published articles",
            description = "Full-text search over headline, standfirst and body (headline matches rank highest, then "
                    + "standfirst, then body) in web-search syntax: words, `\"quoted phrases\"`, `or`, `-word`. English "
                    + "articles are matched by word stem (`meeting` finds `meets`), Arabic ones by stem on PostgreSQL, other "
                    + "languages word for word. Kurdish, Arabic and Persian letter variants are one (`ي ى ێ ی`, `ك ک`, "
                    + "`ه ە`, `أ إ آ ا`), harakat, tatweel and ZWNJ are ignored, and each word is also looked for in the "
                    + "other script (`kurdistan` finds `کوردستان` and back). A query of one word of at most three "
                    + "Arabic-script letters matches the words it starts. "
                    + "Every article list filter applies. By relevance (the default) the newest 1,000 matching "
                    + "articles (a server setting; counted after the filters) are ranked, most relevant first, and "
                    + "paged by an opaque cursor over (score, id): a word found in more articles than that is ranked "
                    + "among its most recent ones, and `to` (or `from`) moves the window to older ones. "
                    + "`sort=-publishedAt` pages through every match, newest first, by (publication time, id). On "
                    + "PostgreSQL a phrase of two words or more is checked on the newest 2,000 articles holding all its "
                    + "words (a server setting; after the filters and the cursor): by relevance the hits come from those, "
                    + "and newest first a page that reached the end of them may hold fewer hits than `limit` (even none) "
                    + "and still have a `next` page, which goes on with older articles; only a page without `next` is the "
                    + "last. Each hit "
                    + "has `score` and an HTML-escaped `highlight` snippet with `<mark>`ed matches (in right-to-left text "
                    + "each mark's text is a directional isolate, U+2068 … U+2069). `fields` and "
                    + "`include=body,corrections` shape the items as in lists (`score` and `highlight` always stay). "
                    + "There is no `page.total`. A query that cannot be understood is a 400.")
    @APIResponse(responseCode = "200", description = "A page of hits, most relevant (or, by `-publishedAt`, newest) first.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "CacheControl"),
                    @Header(name = "Vary", ref = "Vary"), @Header(name = "Surrogate-Key", ref = "SurrogateKey"),
                    @Header(name = "Link", ref = "Link")},
            content = @Content(schema = @Schema(implementation = SearchPage.class)))
    public Response search(@BeanParam SearchParams params, @Context HttpHeaders headers, @Context UriInfo uri) {
        ArticleShape shape = ArticleShape.parse(ArticleShape.given(params.fields, "fields", uri),
                ArticleShape.given(params.include, "include", uri), ArticleShape.Context.LIST, HIT_FIELDS);
        return responses.list(headers, uri, shape, Purgeable.SEARCH, hits(params, shape, Rights.Channel.READ));
    }

    /**
     * The hits as IPTC ninjs documents, in the requested order, under the syndication rights (documented on
     * {@code searchArticles} by FormatsOpenApiFilter).
     */
    @GET
    @Produces(NinjsVersion.PRODUCES)
    @Operation(hidden = true)
    public Response searchAsNinjs(@BeanParam SearchParams params, @Context HttpHeaders headers, @Context UriInfo uri) {
        NinjsVersion version = NinjsVersion.requested(headers);
        NinjsLists.requireNoShape(uri);
        ArticleShape shape = ArticleShape.full(ArticleShape.Context.LIST);
        Page<SearchHit> page = hits(params, shape, Rights.Channel.SYNDICATION).get();
        return ninjs.page(headers, uri, page.items().stream().map(hit -> hit.article().summary()).toList(), page.page(),
                version);
    }

    /** Checks the parameters (a 400 names each bad one) and answers how to load the page (not loaded on a cache hit). */
    private Supplier<Page<SearchHit>> hits(SearchParams params, ArticleShape shape, Rights.Channel channel) {
        SearchQuery q = SearchQuery.parse(params.q);
        SearchOrder order = SearchOrder.parse(params.sort).orElseThrow(() ->
                ProblemException.invalid("sort", "must be relevance or -publishedAt"));
        ArticleQuery filters = ArticleQuery.parse(withoutCursor(params));
        SearchRepository.After after = after(params.cursor, order);
        return () -> search.search(q, filters, order, after, shape, channel);
    }

    private SearchRepository.After after(String value, SearchOrder order) {
        if (value == null) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        Cursor cursor = news.dispatch.web.Params.cursor(value, order.cursorOrder(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        UUID id = Ids.parse(cursor.id()).orElse(null);
        if (id == null || !search.validKey(order, cursor.key())) {
            throw ProblemException.invalid("cursor", "is not a cursor this API issued");
        }
        return new SearchRepository.After(cursor.key(), id);
    }

    /** The filters and page size as article list parameters (search reads its order and cursor itself). */
    private static ArticleListParams withoutCursor(SearchParams p) {
        ArticleListParams copy = new ArticleListParams();
        copy.section = p.section;
        copy.tag = p.tag;
        copy.byline = p.byline;
        copy.lang = p.lang;
        copy.from = p.from;
        copy.to = p.to;
        copy.limit = p.limit;
        return copy;
    }

    /** OpenAPI name for a page of search hits. */
    @Schema(name = "SearchPage", description = "A page of search hits, most relevant (or, by `-publishedAt`, newest) first.")
    public record SearchPage(List<SearchHit> items, PageInfo page) {
    }
}
