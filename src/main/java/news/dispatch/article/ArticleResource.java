package news.dispatch.article;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.CanonicalRequest;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.Params;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Published stories: lists, the full article, navigation and related posts.")
public class ArticleResource {

    /** The most related posts one request may ask for. */
    static final int MAX_RELATED = 20;

    private final ArticleService service;
    private final ArticleConfig config;
    private final ArticleResponses responses;
    private final news.dispatch.article.preview.PreviewService previews;

    public ArticleResource(ArticleService service, ArticleConfig config, ArticleResponses responses,
                           news.dispatch.article.preview.PreviewService previews) {
        this.previews = previews;
        this.service = service;
        this.config = config;
        this.responses = responses;
    }

    @GET
    @Operation(operationId = "listArticles", summary = "List published articles",
            description = "Published articles as summaries, newest first unless `sort` says otherwise, filtered by section, "
                    + "tags (all of with `,`, any of with `|`), byline, language and publication time. Pages by an opaque "
                    + "keyset `cursor`, so deep pages cost what the first costs and nothing repeats or vanishes while a "
                    + "reader scrolls. A filter naming a section, tag or byline that does not exist is a 400. "
                    + "`fields` trims the items, `include=body,corrections` embeds those parts. Public responses are "
                    + "served from an application cache that a write invalidates where it changes what they show. "
                    + "With `ids` it is a batch read instead: the articles named, in the order named, and `page.missing` "
                    + "for the rest "
                    + "(docs/decisions/150).")
    @APIResponse(responseCode = "200", description = "A page of article summaries (with `ids`: the articles found, "
            + "and `page.missing`).",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "CacheControl"),
                    @Header(name = "Vary", ref = "Vary"), @Header(name = "Surrogate-Key", ref = "SurrogateKey"),
                    @Header(name = "Link", ref = "Link"), @Header(name = "Content-Language", ref = "ContentLanguage")},
            content = @Content(schema = @Schema(implementation = ArticlePage.class)))
    public Response list(@BeanParam ArticleListParams params,
                         @QueryParam("ids") @Parameter(description = "A batch read instead of a list: up to 100 article "
                                 + "ids or slugs, comma-separated, each once. The answer holds the published articles "
                                 + "among them that the caller may see, in the order asked (an article named by both "
                                 + "its id and its slug appears once, at the first), and `page.missing` lists the "
                                 + "others; `page.next` is null. Takes `fields` and `include` and nothing else of the "
                                 + "list's parameters. A former slug is missing here (`GET /v1/articles/{slug}` "
                                 + "follows it). Costs the same few statements for 1 as for 100.",
                                 example = "iraqi-prime-minister-to-meet-biden-in-washington-this-month,"
                                         + "rockets-hit-ain-al-asad-air-base-hosting-us-forces-in-iraq") String ids,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        ArticleShape shape = ArticleShape.parse(params, ArticleShape.Context.LIST, uri);
        String batch = ArticleShape.given(ids, "ids", uri);
        if (batch != null) {
            java.util.List<FieldError> errors = new java.util.ArrayList<>();
            java.util.List<String> keys = ArticleBatch.parse(batch, params, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return responses.list(headers, uri, shape, () -> service.batch(keys, shape));
        }
        ArticleQuery query = ArticleQuery.parse(params);
        return responses.list(headers, uri, shape, () -> service.list(query, ArticleService.Scope.NONE, shape));
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getArticle", summary = "Get an article",
            description = "The full article with body, corrections, `navigation` (previous and next published article "
                    + "in its section) and `related` (curated links first, then articles sharing the most tags). "
                    + "A slug the article used to have answers 301 to the current one. `include` limits the optional "
                    + "parts (all by default) and `fields` trims the article and its nested summaries; parts left "
                    + "out are not loaded. With `preview`, the draft or scheduled article that token opens "
                    + "(docs/decisions/152).")
    @APIResponse(responseCode = "200", description = "The article (with `preview`: `Cache-Control: private, no-store` "
            + "and `X-Robots-Tag: noindex`).",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "CacheControl"),
                    @Header(name = "Last-Modified", ref = "LastModified"), @Header(name = "Vary", ref = "Vary"),
                    @Header(name = "Surrogate-Key", ref = "SurrogateKey"), @Header(name = "Content-Language", ref = "ContentLanguage"),
                    @Header(name = "X-Robots-Tag", description = "`noindex` on a preview (`preview`).",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "301", description = "The slug is a former one; `Location` names the current URL.")
    @APIResponse(responseCode = "410", ref = ApiResponses.GONE)
    public Response get(@PathParam("slug") @Parameter(description = "The article's slug or id.",
            example = "iraqi-prime-minister-to-meet-biden-in-washington-this-month") String slug,
                        @BeanParam ArticleShapeParams shapeParams,
                        @QueryParam("preview") @Parameter(description = "A preview token of this draft or scheduled "
                                + "article (`POST /v1/articles/{slug}/previews`): the article as it is now, to anyone "
                                + "with the token, `private, no-store` and `noindex`. A token that is not this "
                                + "article's is a 404; one that expired or was revoked, or whose article was "
                                + "published, unpublished or deleted since, a 410.",
                                example = "pv_q3Jt0cX8m1yZ9GfQe6bqVY2dYQ8mH4oWcR5nLkP7sTg") String preview,
                        @Context HttpHeaders headers, @Context UriInfo uri) {
        ArticleShape shape = ArticleShape.parse(shapeParams, ArticleShape.Context.ARTICLE, uri);
        String token = ArticleShape.given(preview, "preview", uri);
        if (token != null) {
            // Never from or into any cache: answered here, private and no-store, kept out of search engines.
            ArticleService.Lookup lookup = previews.read(slug, token, shape);
            Response answer = responses.respondPreview(headers, shape, lookup);
            return Response.fromResponse(answer).header("X-Robots-Tag", "noindex").build();
        }
        return responses.article(headers, uri, () -> service.get(slug, shape), lookup -> responses.renderArticle(shape, lookup),
                current -> moved(uri, "/v1/articles/" + current));
    }

    @GET
    @Path("/{slug}/related")
    @Operation(operationId = "listRelatedArticles", summary = "Related posts of an article",
            description = "The same list as the article's `related`: the editor's curated links in their order, then "
                    + "published articles sharing the most tags, newest first, up to `limit` (the configured number, 5, "
                    + "when absent; at most 20). `fields` trims the items (`relation` always stays).")
    @APIResponse(responseCode = "200", description = "The related posts.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "CacheControl"),
                    @Header(name = "Vary", ref = "Vary"), @Header(name = "Surrogate-Key", ref = "SurrogateKey")},
            content = @Content(schema = @Schema(implementation = RelatedPage.class)))
    @APIResponse(responseCode = "301", description = "The slug is a former one; `Location` names the current URL.")
    @APIResponse(responseCode = "410", ref = ApiResponses.GONE)
    public Response related(@PathParam("slug") @Parameter(description = "The article's slug or id.") String slug,
                            @QueryParam("fields") @Parameter(description = "Comma-separated summary members to return, "
                                    + "e.g. `headline,slug,leadImage`. Unknown names are a 400.") String fields,
                            @QueryParam("limit") @Parameter(description = "How many related posts at most, 1 to 20.",
                                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "20",
                                            defaultValue = "5")) String limit,
                            @Context HttpHeaders headers, @Context UriInfo uri) {
        java.util.List<FieldError> errors = new java.util.ArrayList<>();
        int size = Params.limit(limit, config.relatedLimit(), MAX_RELATED, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ArticleShape shape = ArticleShape.parse(ArticleShape.given(fields, "fields", uri), null, ArticleShape.Context.RELATED, java.util.List.of());
        return responses.article(headers, uri,
                () -> service.related(slug, size),
                lookup -> responses.renderList(uri, shape,
                        new Page<>(lookup.article().related(), new PageInfo(size, null, null))),
                current -> moved(uri, "/v1/articles/" + current + "/related"));
    }

    /**
     * 301 to the current slug, keeping the (canonical) query: fields, include. The Location is relative, never
     * built from the request's Host ({@code ResponseBuilder.location} would).
     */
    private static Response moved(UriInfo uri, String path) {
        String canonical = CanonicalRequest.current();
        String query = canonical.substring(canonical.indexOf('?') + 1);
        return Response.status(Response.Status.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, query.isEmpty() ? path : path + "?" + query)
                .header("Cache-Control", "public, max-age=3600").build();
    }

    /** OpenAPI name for a page of article summaries. */
    @Schema(name = "ArticlePage", description = "A page of article summaries.")
    public record ArticlePage(java.util.List<ArticleSummary> items, PageInfo page) {
    }

    /** OpenAPI name for the related posts list. */
    @Schema(name = "RelatedPage", description = "The related posts of an article (never more than one page).")
    public record RelatedPage(java.util.List<RelatedArticle> items, PageInfo page) {
    }
}
