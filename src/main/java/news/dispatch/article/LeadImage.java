package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(description = "The article's lead image. An uploaded image (`imageId`) also carries its focal point and its "
        + "renditions per aspect ratio, ready for `srcset`.")
public record LeadImage(
        @Schema(description = "Absolute URL of the image.", examples = "https://www.example.com/media/kadhimi.jpg") String url,
        @Schema(description = "Caption.", examples = "Iraqi Prime Minister Mustafa al-Kadhimi", nullable = true) String caption,
        @Schema(description = "Credit line.", examples = "PM office", nullable = true) String credit,
        @Schema(description = "True when the image is a file photo, not taken for this story.", examples = "true") boolean filePhoto,
        @Schema(description = "Alternative text for screen readers.", nullable = true,
                examples = "Mustafa al-Kadhimi speaking at a podium") String alt,
        @Schema(description = "Width in pixels.", nullable = true, examples = "1200") Integer width,
        @Schema(description = "Height in pixels.", nullable = true, examples = "800") Integer height,
        @Schema(description = "The uploaded image (`/v1/images/{id}`); absent for an image given by URL only.", nullable = true)
        UUID imageId,
        @Schema(nullable = true) FocalPoint focalPoint,
        @Schema(description = "Uploaded images only: one entry per aspect ratio (16:9, 4:3, 1:1, original).", nullable = true)
        List<RenditionSet> renditions) {

    public LeadImage(String url, String caption, String credit, boolean filePhoto, String alt, Integer width, Integer height) {
        this(url, caption, credit, filePhoto, alt, width, height, null, null, null);
    }

    @Schema(name = "LeadImageFocalPoint", description = "Uploaded images only: the point crops keep in view, 0 to 1 from "
            + "the left and from the top.")
    public record FocalPoint(@Schema(examples = "0.5") double x, @Schema(examples = "0.35") double y) {
    }

    @Schema(name = "LeadImageRenditions", description = "The renditions of one aspect ratio, smallest first: `srcset` and "
            + "`webpSrcset` go straight into `<img srcset>` and `<source type=\"image/webp\" srcset>`.")
    public record RenditionSet(
            @Schema(examples = "16:9") String aspectRatio,
            @Schema(examples = "https://api.example.com/v1/images/0190a5c4-.../3f9a1c2b7d4e/16x9/320.jpg 320w") String srcset,
            @Schema(examples = "https://api.example.com/v1/images/0190a5c4-.../3f9a1c2b7d4e/16x9/320.webp 320w") String webpSrcset,
            List<Size> sizes) {
    }

    @Schema(name = "LeadImageRendition", description = "One size, in JPEG and WebP.")
    public record Size(@Schema(examples = "640") int width, @Schema(examples = "360") int height,
                       @Schema(examples = "https://api.example.com/v1/images/0190a5c4-.../3f9a1c2b7d4e/16x9/640.jpg") String jpeg,
                       @Schema(examples = "https://api.example.com/v1/images/0190a5c4-.../3f9a1c2b7d4e/16x9/640.webp") String webp) {
    }
}
