package news.dispatch.tag;

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
import news.dispatch.article.ArticleListParams;
import news.dispatch.article.ArticleQuery;
import news.dispatch.article.ArticleResource;
import news.dispatch.article.ArticleResponses;
import news.dispatch.article.ArticleShape;
import news.dispatch.article.ArticleService;
import news.dispatch.syndication.NinjsLists;
import news.dispatch.syndication.NinjsVersion;
import news.dispatch.access.Rights;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.PageInfo;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

@Path("/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Tags",
        description = "Topics, people, places and organisations, and their articles.")
public class TagResource {

    private final TagService tags;
    private final ArticleService articles;
    private final Representations representations;
    private final ArticleResponses responses;
    private final NinjsLists ninjs;

    public TagResource(TagService tags, ArticleService articles, Representations representations, ArticleResponses responses,
                       NinjsLists ninjs) {
        this.tags = tags;
        this.articles = articles;
        this.representations = representations;
        this.responses = responses;
        this.ninjs = ninjs;
    }

    @GET
    @Operation(operationId = "listTags", summary = "List tags",
            description = "Tags by name (or by published article count), filtered by type and name prefix for autocomplete.")
    @APIResponse(responseCode = "200", description = "A page of tags.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Link", ref = "Link")},
            content = @Content(schema = @Schema(implementation = TagPage.class)))
    @APIResponse(responseCode = "304", ref = ApiResponses.NOT_MODIFIED)
    @APIResponse(responseCode = "400", ref = ApiResponses.BAD_REQUEST)
    @APIResponse(responseCode = "406", ref = ApiResponses.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "500", ref = ApiResponses.SERVER_ERROR)
    public Response list(
            @QueryParam("type") @Parameter(description = "Only tags of this type.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"topic", "person", "place", "organisation"})) String type,
            @QueryParam("q") @Parameter(description = "Name prefix, case-insensitive (autocomplete).", example = "kad") String q,
            @QueryParam("sort") @Parameter(description = "`name` (default) or `-articleCount` (most used first).",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"name", "-articleCount"}, defaultValue = "name")) String sort,
            @QueryParam("limit") @Parameter(description = "Page size, 1 to 100.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from `page.next`.") String cursor,
            @QueryParam("count") @Parameter(description = "`true` adds `page.total`.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String count,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        var page = tags.list(TagListQuery.parse(type, q, sort, limit, cursor, count), articles.rights(Rights.Channel.READ));
        List<String> keys = new java.util.ArrayList<>(List.of("tags"));
        page.items().forEach(t -> keys.add("tag-" + t.slug()));
        return representations.page(headers, uri, page, keys);
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getTag", summary = "Get a tag",
            description = "The tag with its type, description and the number of published articles carrying it.")
    @APIResponse(responseCode = "200", description = "The tag.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Last-Modified", ref = "LastModified")},
            content = @Content(schema = @Schema(implementation = TagView.class)))
    @APIResponse(responseCode = "304", ref = ApiResponses.NOT_MODIFIED)
    @APIResponse(responseCode = "400", ref = ApiResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiResponses.NOT_FOUND)
    @APIResponse(responseCode = "406", ref = ApiResponses.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "500", ref = ApiResponses.SERVER_ERROR)
    public Response get(@PathParam("slug") @Parameter(description = "The tag's slug or id.", example = "iraq") String slug,
                        @Context HttpHeaders headers) {
        TagView tag = tags.get(slug, articles.rights(Rights.Channel.READ));
        // The version part of the ETag lets editors send it back as If-Match.
        return representations.respond(headers, representations.render(tag, tag.updatedAt(), tags.version(tag.id()), null,
                List.of("tag-" + tag.slug())));
    }

    @GET
    @Path("/{slug}/articles")
    @Operation(operationId = "listTagArticles", summary = "List a tag's articles",
            description = "The published articles carrying the tag, with every article list parameter (a `tag` "
                    + "parameter narrows further).")
    @APIResponse(responseCode = "200", description = "A page of article summaries.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Link", ref = "Link")},
            content = @Content(schema = @Schema(implementation = ArticleResource.ArticlePage.class)))
    @APIResponse(responseCode = "304", ref = ApiResponses.NOT_MODIFIED)
    @APIResponse(responseCode = "400", ref = ApiResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiResponses.NOT_FOUND)
    @APIResponse(responseCode = "406", ref = ApiResponses.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "500", ref = ApiResponses.SERVER_ERROR)
    public Response articles(@PathParam("slug") @Parameter(description = "The tag's slug or id.") String slug,
                             @BeanParam ArticleListParams params, @Context HttpHeaders headers, @Context UriInfo uri) {
        ArticleShape shape = ArticleShape.parse(params, ArticleShape.Context.LIST, uri);
        ArticleQuery query = ArticleQuery.parse(params);
        return responses.list(headers, uri, shape,
                () -> articles.list(query, new ArticleService.Scope(null, tags.require(slug), null), shape));
    }

    /** The same list as IPTC ninjs (documented on the JSON operation by FormatsOpenApiFilter). */
    @GET
    @Path("/{slug}/articles")
    @Produces(NinjsVersion.PRODUCES)
    @Operation(hidden = true)
    public Response articlesAsNinjs(@PathParam("slug") String slug, @BeanParam ArticleListParams params,
                                    @Context HttpHeaders headers, @Context UriInfo uri) {
        return ninjs.list(headers, uri, params, () -> new ArticleService.Scope(null, tags.require(slug), null));
    }

    @Schema(name = "TagPage", description = "A page of tags.")
    public record TagPage(List<TagView> items, PageInfo page) {
    }
}
