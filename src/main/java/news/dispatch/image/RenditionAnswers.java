package news.dispatch.image;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import news.dispatch.cache.ContentCache;
import news.dispatch.cache.EarlyAnswers;

/**
 * Renditions this instance has made, answered on the event loop before the REST layer (decision 170), as the
 * application cache's answers are ({@code CachedAnswers}, decision 065): an anonymous GET of a rendition URL with no
 * query whose rendition is in {@link RenditionCache}. A rendition's bytes never change behind its URL, so nothing but
 * the URL decides the answer; everything else (a miss, an outdated hash, a keyed request) goes to
 * {@link ImageResource} as before.
 */
@Singleton
public class RenditionAnswers implements EarlyAnswers {

    private static final String PREFIX = "/v1/images/";

    private final RenditionCache renditions;

    public RenditionAnswers(RenditionCache renditions) {
        this.renditions = renditions;
    }

    @Override
    public ContentCache.Entry find(HttpServerRequest request) {
        String path = request.path();
        if (path == null || !path.startsWith(PREFIX) || (request.query() != null && !request.query().isEmpty())) {
            return null;
        }
        String[] segments = path.substring(PREFIX.length()).split("/", -1);
        if (segments.length != 4) {
            return null;
        }
        RenditionCache.Key key = ImageResource.parse(segments[0], segments[1], segments[2], segments[3]);
        return key == null ? null : renditions.entryIfPresent(key);
    }

    /**
     * Image loaders send lists such as {@code image/webp,image/*,*}{@code /*;q=0.8}: the rendition is answered early when
     * the list names its type, {@code image/*} or {@code *}{@code /*} (not with {@code q=0}); anything else goes on to the
     * REST layer, which decides (a 406 for a list without it).
     */
    @Override
    public boolean acceptable(String accept, String mediaType) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        boolean chosen = false;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim();
            if (type.equalsIgnoreCase(mediaType) || type.equals("image/*") || type.equals("*/*")) {
                boolean refused = false;
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].trim().replace(" ", "");
                    if (parameter.startsWith("q=") && parameter.substring(2).matches("0(\\.0*)?")) {
                        refused = true;
                    }
                }
                if (refused && type.equalsIgnoreCase(mediaType)) {
                    return false; // the type itself refused, whatever a wildcard says: the REST layer decides
                }
                chosen |= !refused;
            }
        }
        return chosen;
    }
}
