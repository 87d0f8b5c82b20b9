package news.dispatch.image;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.cache.ContentCache;
import news.dispatch.article.LeadImage;
import news.dispatch.article.LeadImageSource;
import news.dispatch.web.PublicUrl;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Images as articles show them, kept for a minute (an article list shows many). An image's entry is dropped when its
 * purge key is invalidated, by a write on this instance or on another one (decision 087), before the cached answers
 * that show it are: so no answer computed after the write reads the image as it was (decision 086's guarantee).
 */
@ApplicationScoped
public class ImageLeadImages implements LeadImageSource {

    private final ImageRepository images;
    private final PublicUrl urls;
    private final Cache<UUID, Optional<Details>> details = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(60)).build();

    private final ContentCache cache;

    public ImageLeadImages(ImageRepository images, PublicUrl urls, ContentCache cache) {
        this.images = images;
        this.urls = urls;
        this.cache = cache;
    }

    @PostConstruct
    void listen() {
        cache.beforeInvalidating(this::invalidated);
    }

    private void invalidated(Collection<String> keys) {
        if (keys.contains(ContentCache.ALL_KEY)) {
            details.invalidateAll();
            return;
        }
        for (String key : keys) {
            if (key.startsWith(Image.KEY_PREFIX)) {
                news.dispatch.common.Ids.parse(key.substring(Image.KEY_PREFIX.length())).ifPresent(details::invalidate);
            }
        }
    }

    @Override
    public Optional<Details> find(UUID imageId) {
        return details.get(imageId, id -> QuarkusTransaction.joiningExisting()
                .call(() -> images.findByIdOptional(id).map(this::details)));
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
