package news.dispatch.section;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.web.PageInfo;
import news.dispatch.web.PageParams;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/v1/sections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sections", description = "The outlet's sections and their articles.")
public class SectionResource {

    private final SectionService sections;
    private final Representations representations;

    public SectionResource(SectionService sections, Representations representations) {
        this.sections = sections;
        this.representations = representations;
    }

    @GET
    @Operation(operationId = "listSections", summary = "List sections", description = "All sections in display order.")
    @APIResponse(responseCode = "200", description = "A page of sections.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "CacheControl"),
                    @Header(name = "Link", ref = "Link")},
            content = @Content(schema = @Schema(implementation = SectionPage.class)))
    public Response list(
            @BeanParam PageParams paging,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        PageParams.Request request = paging.check(SectionService.ORDER);
        var page = sections.list(request.size(), request.after(), request.withCount());
        List<String> keys = new ArrayList<>(List.of("sections"));
        page.items().forEach(s -> keys.add("section-" + s.slug()));
        return representations.page(headers, uri, page, keys);
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getSection", summary = "Get a section",
            description = "The section with its name, description and display position.")
    @APIResponse(responseCode = "200", description = "The section.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Last-Modified", ref = "LastModified")},
            content = @Content(schema = @Schema(implementation = SectionView.class)))
    public Response get(@PathParam("slug") @Parameter(description = "The section's slug or id.", example = "politics") String slug,
                        @Context HttpHeaders headers) {
        Section section = sections.get(slug);
        // The version part of the ETag lets editors send it back as If-Match.
        return representations.respond(headers, representations.render(SectionView.of(section), section.updatedAt, section.version, null,
                List.of("section-" + section.slug)));
    }

    @Schema(name = "SectionPage", description = "A page of sections.")
    public record SectionPage(List<SectionView> items, PageInfo page) {
    }
}
