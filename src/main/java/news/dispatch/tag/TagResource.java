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
import news.dispatch.access.CurrentCaller;
import news.dispatch.access.Rights;
import news.dispatch.web.PageInfo;
import news.dispatch.web.PageParams;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

@Path("/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Tags",
        description = "Topics, people, places and organisations, and their articles.")
public class TagResource {

    private final TagService tags;
    private final Representations representations;
    private final CurrentCaller caller;
    private final Clock clock;

    public TagResource(TagService tags, Representations representations, CurrentCaller caller, Clock clock) {
        this.tags = tags;
        this.representations = representations;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "listTags", summary = "List tags",
            description = "Tags by name (or by published article count), filtered by type and name prefix for autocomplete.")
    @APIResponse(responseCode = "200", description = "A page of tags.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Link", ref = "Link")},
            content = @Content(schema = @Schema(implementation = TagPage.class)))
    public Response list(
            @QueryParam("type") @Parameter(description = "Only tags of this type.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"topic", "person", "place", "organisation"})) String type,
            @QueryParam("q") @Parameter(description = "Name prefix, case-insensitive (autocomplete).", example = "kad") String q,
            @QueryParam("sort") @Parameter(description = "`name` (default) or `-articleCount` (most used first).",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"name", "-articleCount"}, defaultValue = "name")) String sort,
            @BeanParam PageParams paging,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        var page = tags.list(TagListQuery.parse(type, q, sort, paging), rights());
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
    public Response get(@PathParam("slug") @Parameter(description = "The tag's slug or id.", example = "iraq") String slug,
                        @Context HttpHeaders headers) {
        TagView tag = tags.get(slug, rights());
        // The version part of the ETag lets editors send it back as If-Match.
        return representations.respond(headers, representations.render(tag, tag.updatedAt(), tags.version(tag.id()), null,
                List.of("tag-" + tag.slug())));
    }

    /** What the caller may list: the rights clause of the read channel (access/Rights). */
    private Rights.Clause rights() {
        return Rights.jpql(caller.get(), Rights.Channel.READ, Instant.now(clock));
    }

    @Schema(name = "TagPage", description = "A page of tags.")
    public record TagPage(List<TagView> items, PageInfo page) {
    }
}
