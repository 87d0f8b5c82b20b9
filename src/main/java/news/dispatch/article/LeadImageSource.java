package news.dispatch.article;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploaded images as an article's lead image shows them (docs/decisions/171-images-in-articles.md). Implemented by
 * the image package; the article package names only this interface, so it does not depend on images.
 */
public interface LeadImageSource {

    /** The image with this id, as of now, or empty when there is none. */
    Optional<Details> find(UUID imageId);

    /**
     * @param url                the largest rendition of the whole picture (JPEG), for formats that take one URL
     * @param width              that rendition's width
     * @param height             that rendition's height
     * @param syndicationAllowed the image's own rights: partners do not receive it otherwise
     */
    record Details(UUID id, String url, int width, int height, String alt, String caption, String credit,
                   LeadImage.FocalPoint focalPoint, List<LeadImage.RenditionSet> renditions, boolean syndicationAllowed) {
    }
}
