package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The article's lead image.")
public record LeadImage(
        @Schema(description = "Absolute URL of the image.", examples = "https://www.example.com/media/kadhimi.jpg") String url,
        @Schema(description = "Caption.", examples = "Iraqi Prime Minister Mustafa al-Kadhimi", nullable = true) String caption,
        @Schema(description = "Credit line.", examples = "PM office", nullable = true) String credit,
        @Schema(description = "True when the image is a file photo, not taken for this story.", examples = "true") boolean filePhoto,
        @Schema(description = "Alternative text for screen readers.", nullable = true,
                examples = "Mustafa al-Kadhimi speaking at a podium") String alt,
        @Schema(description = "Width in pixels.", nullable = true, examples = "1200") Integer width,
        @Schema(description = "Height in pixels.", nullable = true, examples = "800") Integer height) {
}
