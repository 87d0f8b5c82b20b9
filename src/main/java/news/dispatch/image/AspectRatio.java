package news.dispatch.image;

import java.util.Optional;

/** The crops renditions come in; {@code path} is how a rendition URL names them. */
public enum AspectRatio {
    WIDE("16:9", "16x9", 16, 9),
    STANDARD("4:3", "4x3", 4, 3),
    SQUARE("1:1", "1x1", 1, 1),
    ORIGINAL("original", "original", 0, 0);

    public final String label;
    public final String path;
    final int across;
    final int down;

    AspectRatio(String label, String path, int across, int down) {
        this.label = label;
        this.path = path;
        this.across = across;
        this.down = down;
    }

    public static Optional<AspectRatio> ofPath(String path) {
        for (AspectRatio r : values()) {
            if (r.path.equals(path)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
