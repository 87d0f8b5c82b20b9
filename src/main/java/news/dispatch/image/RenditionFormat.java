package news.dispatch.image;

import java.util.Optional;

/** The encodings renditions come in, named by the URL's extension. */
public enum RenditionFormat {
    JPEG("jpg", "image/jpeg"), WEBP("webp", "image/webp");

    public final String extension;
    public final String mediaType;

    RenditionFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public static Optional<RenditionFormat> ofExtension(String extension) {
        for (RenditionFormat f : values()) {
            if (f.extension.equals(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
