package news.dispatch.image;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.article.LeadImage;
import news.dispatch.article.LeadImageSource;
import news.dispatch.web.PublicUrl;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Images as articles show them, kept for a minute (an article list shows many; a change on this instance drops
 * its entry at once, one on another instance shows within the minute, as the content cache's answers do).
 */
@ApplicationScoped
public class ImageLeadImages implements LeadImageSource {

    private final ImageRepository images;
    private final PublicUrl urls;
    private final Cache<UUID, Optional<Details>> details = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(60)).build();

    public ImageLeadImages(ImageRepository images, PublicUrl urls) {
        this.images = images;
        this.urls = urls;
    }

    @Override
    public Optional<Details> find(UUID imageId) {
        return details.get(imageId, id -> QuarkusTransaction.joiningExisting()
                .call(() -> images.findByIdOptional(id).map(this::details)));
    }

    void forget(UUID imageId) {
        details.invalidate(imageId);
    }

    private Details details(Image image) {
        List<ImageView.RenditionSet> sets = ImageView.renditions(image, urls);
        ImageView.RenditionSet whole = sets.get(sets.size() - 1); // original
        ImageView.Rendition largest = whole.sizes().isEmpty() ? null : whole.sizes().get(whole.sizes().size() - 1);
        return new Details(image.id, largest == null ? null : largest.jpeg(),
                largest == null ? image.width : largest.width(), largest == null ? image.height : largest.height(),
                image.alt, image.caption, image.credit, new LeadImage.FocalPoint(image.focalX, image.focalY),
                sets.stream().map(s -> new LeadImage.RenditionSet(s.aspectRatio(), s.srcset(), s.webpSrcset(),
                        s.sizes().stream().map(r -> new LeadImage.Size(r.width(), r.height(), r.jpeg(), r.webp())).toList())).toList(),
                image.syndicationAllowed);
    }
}
