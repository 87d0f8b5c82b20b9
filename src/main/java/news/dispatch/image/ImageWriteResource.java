package news.dispatch.image;

import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.dispatch.access.Roles;
import news.dispatch.access.Role;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.MergePatch;
import news.dispatch.web.Representations;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.vertx.core.http.HttpServerRequest;
import news.dispatch.web.problem.ProblemMapper;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Editors' uploads and edits of images. Reads live in {@link ImageResource}. */
@Path("/v1/images")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Images")
public class ImageWriteResource {

    private static final String UPLOAD = "Role: editor. The type, width and height are read from the bytes (JPEG, PNG or "
            + "WebP; never from a name or `Content-Type`), the EXIF orientation is applied and all metadata, location "
            + "included, is dropped: the stored original is re-encoded (JPEG, or PNG where the upload has transparency). "
            + "Images over the pixel limit (read from the header before decoding) or that cannot be decoded are a 400; "
            + "other types a 415; bodies over the size limit a 413.";

    private final ImageService images;
    private final Representations representations;
    private final ProblemMapper problems;

    public ImageWriteResource(ImageService images, Representations representations, ProblemMapper problems) {
        this.images = images;
        this.representations = representations;
        this.problems = problems;
    }

    /** A multipart body the parser cannot read (cut short, no closing boundary): a 400, as unreadable JSON is. */
    @ServerExceptionMapper
    public Response unreadableForm(IOException e, HttpServerRequest request) {
        return problems.ours(ProblemException.invalid("body", "is not a readable multipart/form-data body"), request);
    }

    @POST
    @Consumes({"image/jpeg", "image/png", "image/webp", "image/*"})
    @Operation(operationId = "uploadImage", summary = "Upload an image (raw body)",
            description = UPLOAD + " The metadata comes as query parameters.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "The image.", content = @Content(schema = @Schema(implementation = ImageView.class)))
    public Response upload(byte[] body,
                           @QueryParam("alt") @Parameter(description = "Alternative text.") String alt,
                           @QueryParam("caption") @Parameter(description = "Caption.") String caption,
                           @QueryParam("credit") @Parameter(description = "Credit line.") String credit,
                           @QueryParam("copyright") @Parameter(description = "Copyright notice.") String copyright,
                           @QueryParam("source") @Parameter(description = "Where the image comes from (agency, handout).") String source,
                           @QueryParam("focalX") @Parameter(description = "Focal point, 0 to 1 from the left; 0.5 when absent.",
                                   schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1")) String focalX,
                           @QueryParam("focalY") @Parameter(description = "Focal point, 0 to 1 from the top; 0.5 when absent.",
                                   schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1")) String focalY,
                           @QueryParam("syndicationAllowed") @Parameter(description = "Whether partners may receive the image; false when absent.",
                                   schema = @Schema(type = SchemaType.BOOLEAN)) String syndicationAllowed,
                           @Context HttpHeaders headers) {
        return created(images.create(body, input(alt, caption, credit, copyright, source, focalX, focalY, syndicationAllowed)), headers);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadImageForm", summary = "Upload an image (multipart form)",
            description = UPLOAD + " The image is the part `file`; the metadata are parts of the same names as the raw "
                    + "upload's query parameters.")
    @APIResponse(responseCode = "201", description = "The image.", content = @Content(schema = @Schema(implementation = ImageView.class)))
    public Response uploadForm(@RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file,
                               @RestForm String alt, @RestForm String caption, @RestForm String credit,
                               @RestForm String copyright, @RestForm String source, @RestForm String focalX,
                               @RestForm String focalY, @RestForm String syndicationAllowed,
                               @Context HttpHeaders headers) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "must be the image (a part named file)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return created(images.create(bytes, input(alt, caption, credit, copyright, source, focalX, focalY, syndicationAllowed)), headers);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchImage", summary = "Change an image's metadata",
            description = "Role: editor. JSON merge patch (RFC 7396) on `ImageInput`. A new focal point makes new rendition "
                    + "URLs. Requires `If-Match`.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = ImageInput.class)))
    @APIResponse(responseCode = "200", description = "The image.", content = @Content(schema = @Schema(implementation = ImageView.class)))
    public Response patch(@PathParam("id") @Parameter(description = "The image's id.") String id,
                          @HeaderParam("If-Match") @Parameter(description = "The image's current ETag.", required = true) String ifMatch,
                          @NotNull JsonNode patch, @Context HttpHeaders headers) {
        Image image = images.patch(id, ifMatch, patch);
        return view(image, headers);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteImage", summary = "Delete an image",
            description = "Role: editor. Deletes the image, its original and its renditions. Requires `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") @Parameter(description = "The image's id.") String id,
                           @HeaderParam("If-Match") @Parameter(description = "The image's current ETag.", required = true) String ifMatch) {
        images.delete(id, ifMatch);
        return Response.noContent().build();
    }

    private Response created(Image image, HttpHeaders headers) {
        return Representations.created(view(image, headers), "/v1/images/" + image.id);
    }

    private Response view(Image image, HttpHeaders headers) {
        return representations.stored(headers, images.view(image), image.updatedAt, image.version);
    }

    /** The metadata of an upload, from its query parameters or form fields. */
    static ImageInput input(String alt, String caption, String credit, String copyright, String source,
                            String focalX, String focalY, String syndicationAllowed) {
        List<FieldError> errors = new ArrayList<>();
        Double x = number("focalX", focalX, errors);
        Double y = number("focalY", focalY, errors);
        if ((x == null) != (y == null) && errors.isEmpty()) {
            errors.add(new FieldError(x == null ? "focalX" : "focalY", "must be given with " + (x == null ? "focalY" : "focalX")));
        }
        Boolean allowed = null;
        if (syndicationAllowed != null) {
            if ("true".equals(syndicationAllowed) || "false".equals(syndicationAllowed)) {
                allowed = Boolean.valueOf(syndicationAllowed);
            } else {
                errors.add(new FieldError("syndicationAllowed", "must be true or false"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ImageInput(alt, caption, credit, copyright, source,
                x == null ? null : new ImageInput.Focal(x, y), allowed == null ? null : new ImageInput.Rights(allowed));
    }

    private static Double number(String name, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (!(d >= 0 && d <= 1)) {
                errors.add(new FieldError(name, "must be between 0 and 1"));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a number between 0 and 1"));
            return null;
        }
    }
}
