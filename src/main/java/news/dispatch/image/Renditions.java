package news.dispatch.image;

import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What renditions an image has and where: the crop of each aspect ratio around the focal point, the widths of
 * the ladder it is offered in, and their URLs. A rendition's URL names the image, a hash of everything its pixels
 * depend on, the aspect ratio and the width: {@code /v1/images/{id}/{hash}/{ratio}/{width}.{jpg|webp}}, so the
 * bytes behind a URL never change and a new focal point makes new URLs (docs/decisions/170).
 */
public final class Renditions {

    /** The widths renditions are made in; no others (an edge keeps few variants, and no one can ask for millions). */
    public static final List<Integer> WIDTHS = List.of(160, 320, 480, 640, 800, 1024, 1280, 1600, 2048);

    /** Bumped when the rendering changes, so that every rendition URL changes with it. */
    static final String RENDERING = "r1";

    private Renditions() {
    }

    /**
     * The hash a rendition URL carries: of the original's checksum, the focal point, the rendering and the working
     * copy's size when the image has one (renditions made from it are other pixels than those made from the original).
     */
    public static String hash(Image image) {
        String basis = image.checksum + ':' + String.format(Locale.ROOT, "%.4f:%.4f", image.focalX, image.focalY) + ':' + RENDERING
                + (image.workingSide == null ? "" : ":w" + image.workingSide);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The region of the original an aspect ratio shows: as large as fits, centred on the focal point where it can be. */
    public static Rectangle crop(Image image, AspectRatio ratio) {
        int w = image.width;
        int h = image.height;
        if (ratio == AspectRatio.ORIGINAL) {
            return new Rectangle(0, 0, w, h);
        }
        int cropW;
        int cropH;
        if ((long) w * ratio.down > (long) h * ratio.across) { // wider than the ratio: full height
            cropH = h;
            cropW = Math.max(1, Math.min(w, (int) Math.round((double) h * ratio.across / ratio.down)));
        } else {
            cropW = w;
            cropH = Math.max(1, Math.min(h, (int) Math.round((double) w * ratio.down / ratio.across)));
        }
        int x = clamp((int) Math.round(image.focalX * w - cropW / 2.0), w - cropW);
        int y = clamp((int) Math.round(image.focalY * h - cropH / 2.0), h - cropH);
        return new Rectangle(x, y, cropW, cropH);
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }

    /** The height of a rendition of this width. */
    public static int height(Image image, AspectRatio ratio, int width) {
        if (ratio == AspectRatio.ORIGINAL) {
            return Math.max(1, (int) Math.round((double) width * image.height / image.width));
        }
        return Math.max(1, (int) Math.round((double) width * ratio.down / ratio.across));
    }

    /** The ladder's widths this crop is offered in: those no wider than the crop (nothing is enlarged). */
    public static List<Integer> widths(Image image, AspectRatio ratio) {
        int cropWidth = crop(image, ratio).width;
        List<Integer> widths = new ArrayList<>();
        for (int w : WIDTHS) {
            if (w <= cropWidth) {
                widths.add(w);
            }
        }
        return widths;
    }

    /** The path of one rendition. */
    public static String path(Image image, String hash, AspectRatio ratio, int width, RenditionFormat format) {
        return "/v1/images/" + image.id + "/" + hash + "/" + ratio.path + "/" + width + "." + format.extension;
    }
}
