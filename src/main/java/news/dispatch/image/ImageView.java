package news.dispatch.image;

import news.dispatch.web.PublicUrl;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

@Schema(description = "An image: its metadata, its rights, and its renditions per aspect ratio, ready for `srcset`.")
public record ImageView(
        UUID id,
        @Schema(description = "Media type of the stored original (JPEG, or PNG where the upload had transparency).",
                examples = "image/jpeg") String mediaType,
        @Schema(description = "Width of the original in pixels, upright.", examples = "1600") int width,
        @Schema(description = "Height of the original in pixels, upright.", examples = "1067") int height,
        @Schema(description = "Size of the stored original in bytes.", examples = "245811") long byteSize,
        @Schema(description = "SHA-256 of the stored original, hex.") String checksum,
        @Schema(nullable = true, examples = "Mustafa al-Kadhimi speaking at a podium") String alt,
        @Schema(nullable = true, examples = "Iraqi Prime Minister Mustafa al-Kadhimi") String caption,
        @Schema(nullable = true, examples = "PM office") String credit,
        @Schema(nullable = true, examples = "© Office of the Prime Minister of Iraq") String copyright,
        @Schema(nullable = true, examples = "Handout") String source,
        FocalPoint focalPoint,
        @Schema(description = "The image's own rights for partners.") ImageSyndication syndication,
        @Schema(description = "One entry per aspect ratio: 16:9, 4:3, 1:1 and original.") List<RenditionSet> renditions,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant createdAt,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant updatedAt) {

    @Schema(description = "The point a crop keeps in view, 0 to 1 from the left and from the top.")
    public record FocalPoint(@Schema(examples = "0.5") double x, @Schema(examples = "0.35") double y) {
    }

    @Schema(name = "ImageSyndication", description = "Whether partners may receive the image, whatever the text's rights.")
    public record ImageSyndication(@Schema(examples = "true") boolean allowed) {
    }

    @Schema(description = "The renditions of one aspect ratio, smallest first. `srcset` and `webpSrcset` go straight into "
            + "an `<img srcset>` and a `<source type=\"image/webp\" srcset>`.")
    public record RenditionSet(
            @Schema(examples = "16:9", enumeration = {"16:9", "4:3", "1:1", "original"}) String aspectRatio,
            @Schema(description = "The region of the original this crop shows, in pixels.") Region crop,
            @Schema(examples = "https://api.example.com/v1/images/0190a5c4-.../3f9a1c2b7d4e/16x9/320.jpg 320w, "
                    + "https://api.example.com/v1/images/0190a5c4-.../3f9a1c2b7d4e/16x9/640.jpg 640w") String srcset,
            @Schema(examples = "https://api.example.com/v1/images/0190a5c4-.../3f9a1c2b7d4e/16x9/320.webp 320w, "
                    + "https://api.example.com/v1/images/0190a5c4-.../3f9a1c2b7d4e/16x9/640.webp 640w") String webpSrcset,
            @Schema(description = "Each width of the ladder up to the crop's own width.") List<Rendition> sizes) {
    }

    @Schema(description = "A region of the original.")
    public record Region(int x, int y, int width, int height) {
    }

    @Schema(description = "One rendition size, in JPEG and WebP.")
    public record Rendition(
            @Schema(examples = "640") int width,
            @Schema(examples = "360") int height,
            @Schema(examples = "https://api.example.com/v1/images/0190a5c4-.../3f9a1c2b7d4e/16x9/640.jpg") String jpeg,
            @Schema(examples = "https://api.example.com/v1/images/0190a5c4-.../3f9a1c2b7d4e/16x9/640.webp") String webp) {
    }

    public static ImageView of(Image i, PublicUrl urls) {
        return new ImageView(i.id, i.mediaType, i.width, i.height, i.byteSize, i.checksum, i.alt, i.caption, i.credit,
                i.copyright, i.source, new FocalPoint(i.focalX, i.focalY), new ImageSyndication(i.syndicationAllowed),
                renditions(i, urls), i.createdAt, i.updatedAt);
    }

    public static List<RenditionSet> renditions(Image i, PublicUrl urls) {
        String hash = Renditions.hash(i);
        List<RenditionSet> sets = new ArrayList<>();
        for (AspectRatio ratio : AspectRatio.values()) {
            var crop = Renditions.crop(i, ratio);
            List<Rendition> sizes = new ArrayList<>();
            StringJoiner jpeg = new StringJoiner(", ");
            StringJoiner webp = new StringJoiner(", ");
            for (int w : Renditions.widths(i, ratio)) {
                String j = urls.of(Renditions.path(i, hash, ratio, w, RenditionFormat.JPEG));
                String p = urls.of(Renditions.path(i, hash, ratio, w, RenditionFormat.WEBP));
                sizes.add(new Rendition(w, Renditions.height(i, ratio, w), j, p));
                jpeg.add(j + " " + w + "w");
                webp.add(p + " " + w + "w");
            }
            sets.add(new RenditionSet(ratio.label, new Region(crop.x, crop.y, crop.width, crop.height),
                    jpeg.toString(), webp.toString(), sizes));
        }
        return sets;
    }
}
