package news.dispatch.image;

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
import news.dispatch.common.Ids;
import news.dispatch.web.PageInfo;
import news.dispatch.web.PageParams;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;
import news.dispatch.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads of images and their renditions. Writes live in {@link ImageWriteResource}. */
@Path("/v1/images")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Images", description = "Uploaded pictures with their own rights, and their renditions (sizes and crops) for srcset.")
public class ImageResource {

    /** Renditions never change behind their URL (it carries a hash of what their pixels depend on). */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final java.util.regex.Pattern HASH = java.util.regex.Pattern.compile("[0-9a-f]{12}");

    private final ImageService images;
    private final Representations representations;

    public ImageResource(ImageService images, Representations representations) {
        this.images = images;
        this.representations = representations;
    }

    @GET
    @Operation(operationId = "listImages", summary = "List images",
            description = "Newest first. Partner keys see only images whose own rights allow syndication.")
    @APIResponse(responseCode = "200", description = "A page of images.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Link", ref = "Link")},
            content = @Content(schema = @Schema(implementation = ImagePage.class)))
    public Response list(@BeanParam ImageListParams filter, @BeanParam PageParams paging,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        var page = images.list(filter, paging);
        List<String> keys = new ArrayList<>(List.of(Image.LIST_KEY));
        page.items().forEach(i -> keys.add(Image.key(i.id())));
        return representations.page(headers, uri, page, keys);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getImage", summary = "Get an image",
            description = "Metadata, rights and renditions. A partner key gets a 404 for an image whose own rights do not "
                    + "allow syndication.")
    @APIResponse(responseCode = "200", description = "The image.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Last-Modified", ref = "LastModified")},
            content = @Content(schema = @Schema(implementation = ImageView.class)))
    public Response get(@PathParam("id") @Parameter(description = "The image's id.") String id, @Context HttpHeaders headers) {
        Image image = images.get(id);
        return representations.respond(headers, representations.render(images.view(image), image.updatedAt, image.version,
                null, List.of(Image.key(image.id))));
    }

    @GET
    @Path("/{id}/{hash}/{ratio}/{file}")
    @Produces({"image/jpeg", "image/webp"})
    @Operation(operationId = "getImageRendition", summary = "Get a rendition of an image",
            description = "The image cropped to an aspect ratio around its focal point and scaled down to a width of the "
                    + "ladder (160, 320, 480, 640, 800, 1024, 1280, 1600, 2048; only widths up to the crop's own), as JPEG "
                    + "or WebP. Take the URLs from an image's `renditions` rather than building them: the hash is of the "
                    + "original and its focal point, so the bytes behind a URL never change and the answer may be kept "
                    + "for a year (`immutable`). A URL with an outdated hash (the focal point changed since) redirects to "
                    + "the current one. Anyone may fetch a rendition whose URL they have.")
    @APIResponse(responseCode = "200", description = "The rendition.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control",
                    description = "`public, max-age=31536000, immutable`", schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "jpeg", summary = "A 640×360 JPEG",
                            externalValue = "http://localhost:8080/v1/images/01a24c3e-f17f-7e66-b0ef-47bc8febc02d/3f9a1c2b7d4e/16x9/640.jpg")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "webp", summary = "A 640×360 WebP",
                                    externalValue = "http://localhost:8080/v1/images/01a24c3e-f17f-7e66-b0ef-47bc8febc02d/3f9a1c2b7d4e/16x9/640.webp"))})
    @APIResponse(responseCode = "302", description = "The hash is outdated: `Location` is the rendition's current URL.",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response rendition(
            @PathParam("id") @Parameter(description = "The image's id.") String id,
            @PathParam("hash") @Parameter(description = "The hash from the image's rendition URLs.", example = "3f9a1c2b7d4e") String hash,
            @PathParam("ratio") @Parameter(description = "The aspect ratio.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"16x9", "4x3", "1x1", "original"})) String ratio,
            @PathParam("file") @Parameter(description = "The width and format.", example = "640.webp") String file,
            @Context HttpHeaders headers) {
        RenditionCache.Key key = key(id, hash, ratio, file);
        Representation r;
        try {
            r = images.rendition(key);
        } catch (ImageService.NotCurrent moved) {
            return Response.status(Response.Status.FOUND).header(HttpHeaders.LOCATION, moved.path)
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").build();
        }
        return representations.respond(headers, r);
    }

    private static RenditionCache.Key key(String id, String hash, String ratio, String file) {
        RenditionCache.Key key = parse(id, hash, ratio, file);
        if (key == null) {
            throw ProblemException.notFound("rendition", id + "/" + hash + "/" + ratio + "/" + file);
        }
        return key;
    }

    /** The rendition a URL's segments name, or null when they name none. */
    static RenditionCache.Key parse(String id, String hash, String ratio, String file) {
        UUID image = Ids.parse(id).orElse(null);
        AspectRatio aspect = AspectRatio.ofPath(ratio).orElse(null);
        int dot = file.indexOf('.');
        RenditionFormat format = dot < 0 ? null : RenditionFormat.ofExtension(file.substring(dot + 1)).orElse(null);
        int width = -1;
        if (dot > 0 && dot <= 4 && file.substring(0, dot).chars().allMatch(Character::isDigit)) {
            width = Integer.parseInt(file.substring(0, dot));
        }
        if (image == null || aspect == null || format == null || !Renditions.WIDTHS.contains(width)
                || !HASH.matcher(hash).matches()) {
            return null;
        }
        return new RenditionCache.Key(image, hash, aspect, width, format);
    }

    @Schema(name = "ImagePage", description = "A page of images.")
    public record ImagePage(List<ImageView> items, PageInfo page) {
    }
}
