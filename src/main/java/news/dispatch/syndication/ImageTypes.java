package news.dispatch.syndication;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** The media type of a lead image, from its URL's file extension (the API stores no type). */
final class ImageTypes {

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif", "webp", "image/webp",
            "avif", "image/avif", "svg", "image/svg+xml");

    private ImageTypes() {
    }

    /** {@code image/jpeg} when the extension says nothing: news photos are JPEGs. */
    static String of(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            path = url;
        }
        if (path == null) {
            return "image/jpeg";
        }
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 || path.indexOf('/', dot) >= 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, "image/jpeg");
    }
}
