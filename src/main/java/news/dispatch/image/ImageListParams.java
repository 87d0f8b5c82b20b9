package news.dispatch.image;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the image list, as sent ({@code @BeanParam}); {@link ImageService#list} checks them. */
public class ImageListParams {

    @QueryParam("q")
    @Parameter(description = "Text in the caption or alt text, case-insensitive.", example = "Kadhimi")
    public String q;

    @QueryParam("credit")
    @Parameter(description = "Only images with this credit, case-insensitive.", example = "PM office")
    public String credit;

    @QueryParam("source")
    @Parameter(description = "Only images from this source, case-insensitive.", example = "Handout")
    public String source;

    @QueryParam("syndicated")
    @Parameter(description = "`true`: only images partners may receive; `false`: only the others.",
            schema = @Schema(type = SchemaType.BOOLEAN))
    public String syndicated;
}
