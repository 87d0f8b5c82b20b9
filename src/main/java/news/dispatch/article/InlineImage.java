package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * An uploaded image the body shows ({@code <img data-image-id>}), with what the lead image carries: size, alt text,
 * focal point and renditions per aspect ratio (docs/decisions/171-images-in-articles.md).
 */
@Schema(description = "An uploaded image shown in the body (`<img data-image-id=\"…\">`), with the data the lead image "
        + "has: size, alt text, focal point and renditions per aspect ratio. The body's `<img>` already carries `src`, "
        + "`width`, `height` and a `srcset` of the whole picture; pick a crop here by `imageId` for another layout.")
public record InlineImage(
        @Schema(description = "The uploaded image (`/v1/images/{id}`), as in the body's `data-image-id`.") UUID imageId,
        @Schema(description = "The largest JPEG rendition of the whole picture (the `<img>`'s `src`).",
                examples = "https://api.example.com/v1/images/0190a5c4-.../3f9a1c2b7d4e/original/1600.jpg") String url,
        @Schema(description = "That rendition's width in pixels.", examples = "1600") int width,
        @Schema(description = "That rendition's height in pixels.", examples = "1067") int height,
        @Schema(description = "The `<img>`'s own alt text, else the image's.", nullable = true) String alt,
        @Schema(description = "The image's caption (the body's `<figcaption>` is the editor's).", nullable = true) String caption,
        @Schema(description = "The image's credit line.", nullable = true) String credit,
        LeadImage.FocalPoint focalPoint,
        @Schema(description = "One entry per aspect ratio (16:9, 4:3, 1:1, original), as the lead image's.")
        List<LeadImage.RenditionSet> renditions) {
}
