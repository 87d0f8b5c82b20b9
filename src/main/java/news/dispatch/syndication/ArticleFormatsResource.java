package news.dispatch.syndication;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.access.CurrentCaller;
import news.dispatch.access.Rights;
import news.dispatch.article.ArticleListParams;
import news.dispatch.article.ArticleService;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * The other representations of articles, chosen by Accept: IPTC ninjs for an article and for the
 * article list (the section, tag, byline and search lists have their ninjs methods in their own
 * resources; every list goes through {@link NinjsLists}), schema.org JSON-LD for an article. They
 * live beside the JSON operations of the article resource (same paths, different {@code @Produces}),
 * so that resource does not change for them. Their server quality ({@code qs=0.5}) keeps JSON the
 * answer for {@code Accept: *}{@code /*} and for browsers. OpenAPI knows one operation per path and
 * method: {@link FormatsOpenApiFilter} adds these media types to the article operations, and the
 * annotations here stay as the methods' documentation.
 */
@Path("/v1/articles")
@Tag(name = "Syndication", description = "Partner sites: feeds, the change feed, ninjs and schema.org formats, webhooks.")
public class ArticleFormatsResource {

    private final ArticleService articles;
    private final NinjsWriter ninjs;
    private final NinjsLists lists;
    private final SchemaOrgWriter schemaOrg;
    private final Representations representations;
    private final CurrentCaller caller;

    public ArticleFormatsResource(ArticleService articles, NinjsWriter ninjs, NinjsLists lists, SchemaOrgWriter schemaOrg,
                                  Representations representations, CurrentCaller caller) {
        this.articles = articles;
        this.ninjs = ninjs;
        this.lists = lists;
        this.schemaOrg = schemaOrg;
        this.representations = representations;
        this.caller = caller;
    }

    /** The article list as ninjs (documented on {@code listArticles} by {@link FormatsOpenApiFilter}). */
    @GET
    @Produces(NinjsVersion.PRODUCES)
    @Operation(hidden = true)
    public Response listNinjs(@BeanParam ArticleListParams params, @Context HttpHeaders headers, @Context UriInfo uri) {
        return lists.list(headers, uri, params, () -> ArticleService.Scope.NONE);
    }

    @GET
    @Path("/{slug}")
    @Produces(NinjsVersion.PRODUCES)
    @Operation(hidden = true, operationId = "getArticleAsNinjs", summary = "Get an article as ninjs",
            description = "The article as an IPTC ninjs 3.1 document (`;version=2.2` in Accept gives 2.2). The body is "
                    + "included (`representationType: full`) for partner keys allowed full text and for the newsroom; "
                    + "others get the summary (`partial`). A story not allowed for syndication, still embargoed, or "
                    + "outside the key's entitlements is a 404, as if it did not exist.")
    @APIResponse(responseCode = "200", description = "The ninjs document.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Last-Modified", ref = "LastModified"),
                    @Header(name = "Content-Language", ref = "ContentLanguage")},
            content = @Content(mediaType = NinjsVersion.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "IPTC ninjs, valid against http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json (or _2.2.json).")))
    @APIResponse(responseCode = "301", description = "The slug is a former one; `Location` names the current URL.")
    public Response getNinjs(@PathParam("slug") @Parameter(description = "The article's slug or id.") String slug,
                             @Context HttpHeaders headers) {
        NinjsVersion version = NinjsVersion.requested(headers);
        ArticleService.Lookup lookup = articles.get(slug, Rights.Channel.SYNDICATION);
        if (lookup.movedTo() != null) {
            return moved("/v1/articles/" + lookup.movedTo());
        }
        var view = lookup.article();
        ObjectNode document = ninjs.article(view.summary(), Rights.fullText(caller.get()) ? view.body() : null,
                view.corrections(), lookup.version(), version);
        return representations.respond(headers, Representations.of(representations.serialize(document), version.mediaType(),
                lookup.lastModified(), lookup.version(), null).withLanguage(view.summary().language()));
    }

    @GET
    @Path("/{slug}")
    @Produces(SchemaOrgWriter.MEDIA_TYPE + ";qs=0.5")
    @Operation(hidden = true, operationId = "getArticleAsSchemaOrg", summary = "Get an article as schema.org NewsArticle",
            description = "The article as JSON-LD: a schema.org `NewsArticle` with headline, dateline, authors, the lead "
                    + "image with caption and credit, dates, section, keywords and language, for pages and search engines.")
    @APIResponse(responseCode = "200", description = "The NewsArticle.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Last-Modified", ref = "LastModified"),
                    @Header(name = "Content-Language", ref = "ContentLanguage")},
            content = @Content(mediaType = SchemaOrgWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A schema.org NewsArticle (https://schema.org/NewsArticle).")))
    @APIResponse(responseCode = "301", description = "The slug is a former one; `Location` names the current URL.")
    public Response getSchemaOrg(@PathParam("slug") @Parameter(description = "The article's slug or id.") String slug,
                                 @Context HttpHeaders headers) {
        ArticleService.Lookup lookup = articles.get(slug, Rights.Channel.READ);
        if (lookup.movedTo() != null) {
            return moved("/v1/articles/" + lookup.movedTo());
        }
        return representations.respond(headers, Representations.of(schemaOrg.bytes(schemaOrg.newsArticle(lookup.article())),
                SchemaOrgWriter.MEDIA_TYPE, lookup.lastModified(), lookup.version(), null)
                .withLanguage(lookup.article().summary().language()));
    }

    private static Response moved(String location) {
        return Response.status(Response.Status.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, location) // relative, not from Host
                .header("Cache-Control", "public, max-age=3600").build();
    }
}
