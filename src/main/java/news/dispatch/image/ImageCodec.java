package news.dispatch.image;

import com.luciad.imageio.webp.WebPWriteParam;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import net.coobird.thumbnailator.Thumbnails;
import news.dispatch.web.problem.ProblemException;
import news.dispatch.web.problem.ProblemType;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Reads, normalises and renders images with ImageIO (TwelveMonkeys' JPEG and WebP readers, the JDK's PNG codec,
 * libwebp through webp-imageio for WebP output) and Thumbnailator's scaler. The type is sniffed from the bytes;
 * the size is read from the header and checked before anything is decoded. At most
 * {@link ImageConfig#concurrentDecodes()} images are decoded at once.
 */
@ApplicationScoped
@Startup
public class ImageCodec {

    /** The types an upload may have, known by their first bytes. */
    public enum Kind {
        JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

        public final String mediaType;

        Kind(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /**
     * The original as stored: orientation applied, metadata dropped, sRGB; with its working copy when it is larger than
     * {@link #WORKING_SIDE} along a side (else null).
     */
    public record Normalised(byte[] bytes, String mediaType, int width, int height, ImageStore.WorkingCopy workingCopy) {
    }

    /**
     * The longer side of a working copy (decision 170): renditions of up to half its size, the cards' and the
     * phones' widths, are made from it rather than from the whole original. Decoding a 4000×3000 JPEG is most of the
     * time a rendition of it takes; a 1,600-pixel copy decodes in a sixth of that.
     */
    public static final int WORKING_SIDE = 1600;

    static final float ORIGINAL_QUALITY = 0.92f;
    static final float JPEG_QUALITY = 0.82f;
    static final float WEBP_QUALITY = 0.80f;
    static final int MIN_SIDE = 16;

    /**
     * What normalising an upload holds per pixel at its peak: the decoded picture (up to 4 bytes) and its sRGB copy (4).
     * The working copy is made after the decoded picture is let go: the sRGB copy and a quarter of its pixels (the first
     * halving step) stay within that.
     */
    static final int NORMALISE_BYTES_PER_PIXEL = 8;
    private static final long MB = 1024 * 1024;

    private final ImageConfig config;
    private final Semaphore decodes;
    /** Megabytes of heap for pictures being worked on: each operation holds its estimate from decoding to encoding. */
    private final Semaphore memory;
    private final int memoryMegabytes;

    public ImageCodec(ImageConfig config) {
        this.config = config;
        this.decodes = new Semaphore(Math.max(1, config.concurrentDecodes()), true);
        this.memoryMegabytes = config.decodeMegabytes().filter(m -> m > 0)
                .orElse((int) Math.max(16, Runtime.getRuntime().maxMemory() / 2 / MB));
        this.memory = new Semaphore(memoryMegabytes, true);
        ImageIO.setUseCache(false); // no temporary files: every stream is in memory
        ImageIO.scanForPlugins(); // the plugins of the application's class loader, whichever thread first used ImageIO
    }

    /** The type of these bytes, or null when they are none of the accepted types. */
    public static Kind sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Kind.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0d && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return Kind.PNG;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Kind.WEBP;
        }
        return null;
    }

    /**
     * Checks an upload and makes the original to store: decoded within the pixel limit, turned upright by its EXIF
     * orientation, converted to sRGB and re-encoded without any metadata (so no location or camera data is kept):
     * JPEG, or PNG when the image has an alpha channel.
     */
    public Normalised normalise(byte[] upload) {
        Kind kind = sniff(upload);
        if (kind == null) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The body is not a JPEG, PNG or WebP image (the type is read from the bytes, not the name or Content-Type).");
        }
        long[] size = dimensions(upload, kind);
        long pixels = size[0] * size[1];
        int need = megabytes(pixels * NORMALISE_BYTES_PER_PIXEL);
        if (need > memoryMegabytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The image is " + size[0] + "×" + size[1]
                    + " pixels; this server can take at most " + (memoryMegabytes * MB / NORMALISE_BYTES_PER_PIXEL)
                    + " pixels with the memory it gives images (dispatch.images.decode-megabytes, "
                    + memoryMegabytes + " MB).");
        }
        reserve(need);
        try {
            BufferedImage image = decode(upload, kind, null, 1);
            if (kind == Kind.JPEG) {
                image = orient(image, exifOrientation(upload));
            }
            boolean alpha = image.getColorModel().hasAlpha();
            BufferedImage srgb = copy(image, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB, image.getWidth(), image.getHeight());
            image = null; // the decoded picture may go before encoding
            byte[] bytes = alpha ? png(srgb) : jpeg(srgb, ORIGINAL_QUALITY);
            return new Normalised(bytes, alpha ? Kind.PNG.mediaType : Kind.JPEG.mediaType, srgb.getWidth(), srgb.getHeight(),
                    workingCopy(srgb, alpha));
        } finally {
            memory.release(need);
        }
    }

    /**
     * The working copy of a stored original (one stored before working copies were made), or null when the original
     * is no larger than {@link #WORKING_SIDE}.
     */
    public ImageStore.WorkingCopy workingCopy(byte[] original) {
        Kind kind = sniff(original);
        if (kind == null) {
            throw new IllegalStateException("A stored original is not an image");
        }
        long[] size = dimensions(original, kind);
        if (Math.max(size[0], size[1]) <= WORKING_SIDE) {
            return null;
        }
        int need = Math.min(memoryMegabytes, megabytes(size[0] * size[1] * 4 + (long) WORKING_SIDE * WORKING_SIDE * 12));
        reserve(need);
        try {
            BufferedImage image = decode(original, kind, null, 1);
            return workingCopy(image, image.getColorModel().hasAlpha());
        } finally {
            memory.release(need);
        }
    }

    /** The picture scaled to {@link #WORKING_SIDE} along its longer side and encoded as its original is; null if no larger. */
    private static ImageStore.WorkingCopy workingCopy(BufferedImage picture, boolean alpha) {
        if (Math.max(picture.getWidth(), picture.getHeight()) <= WORKING_SIDE) {
            return null;
        }
        BufferedImage small;
        try {
            small = Thumbnails.of(picture).size(WORKING_SIDE, WORKING_SIDE).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int w = small.getWidth();
        int h = small.getHeight();
        byte[] bytes = alpha ? png(copy(small, BufferedImage.TYPE_INT_ARGB, w, h))
                : jpeg(copy(small, BufferedImage.TYPE_INT_RGB, w, h), ORIGINAL_QUALITY);
        return new ImageStore.WorkingCopy(w, h, bytes);
    }

    private static int megabytes(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + MB - 1) / MB);
    }

    /** Waits for {@code megabytes} of the images' memory (never more than there is: callers check). */
    private void reserve(int megabytes) {
        try {
            memory.acquire(megabytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for memory to decode an image", e);
        }
    }

    /** Width and height from the header, checked against the limits before anything is decoded. */
    private long[] dimensions(byte[] bytes, Kind kind) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(kind);
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                check(width, height);
                return new long[] {width, height};
            } finally {
                reader.dispose();
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("body", "is not a readable " + kind.name() + " image");
        }
    }

    private void check(long width, long height) {
        if (width > config.maxSide() || height > config.maxSide() || width * height > config.maxPixels()) {
            throw ProblemException.invalid("body", "the image is " + width + "×" + height + " pixels; at most "
                    + config.maxPixels() + " pixels and " + config.maxSide() + " along either side are accepted");
        }
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw ProblemException.invalid("body", "the image is " + width + "×" + height
                    + " pixels; at least " + MIN_SIDE + " along either side are needed");
        }
    }

    /**
     * A rendition: the region {@code crop} of a stored original, down-scaled to {@code width × height} and encoded
     * in {@code format}. The region is read with subsampling down to no less than twice the target size, then
     * scaled with progressive bilinear steps.
     */
    public byte[] render(byte[] original, Rectangle crop, int width, int height, RenditionFormat format) {
        Kind kind = sniff(original);
        if (kind == null) {
            throw new IllegalStateException("A stored original is not an image");
        }
        int subsampling = Math.max(1, Math.min(crop.width / (width * 2), crop.height / (height * 2)));
        // the region as decoded (4 bytes a pixel at most), and the scaled picture with its copies and encoding
        long decoded = (long) ((crop.width + subsampling - 1) / subsampling) * ((crop.height + subsampling - 1) / subsampling);
        int need = Math.min(memoryMegabytes, megabytes(decoded * 4 + (long) width * height * 12));
        reserve(need);
        try {
            BufferedImage region = decode(original, kind, crop, subsampling);
            BufferedImage scaled;
            try {
                scaled = region.getWidth() == width && region.getHeight() == height ? region
                        : Thumbnails.of(region).forceSize(width, height).asBufferedImage();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            region = null;
            boolean alpha = scaled.getColorModel().hasAlpha();
            return switch (format) {
                case JPEG -> jpeg(copy(scaled, BufferedImage.TYPE_INT_RGB, width, height), JPEG_QUALITY);
                case WEBP -> webp(alpha ? scaled : copy(scaled, BufferedImage.TYPE_INT_RGB, width, height));
            };
        } finally {
            memory.release(need);
        }
    }

    private BufferedImage decode(byte[] bytes, Kind kind, Rectangle region, int subsampling) {
        try {
            decodes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to decode an image", e);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(kind);
            try {
                reader.setInput(in, true, true);
                check(reader.getWidth(0), reader.getHeight(0));
                ImageReadParam param = reader.getDefaultReadParam();
                if (region != null) {
                    param.setSourceRegion(region);
                }
                if (subsampling > 1) {
                    param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a truncated or corrupt file, or one the reader cannot handle
            throw ProblemException.invalid("body", "is not a readable " + kind.name() + " image");
        } finally {
            decodes.release();
        }
    }

    private static ImageReader reader(Kind kind) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(kind.mediaType);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + kind.mediaType);
        }
        return readers.next();
    }

    /** The EXIF orientation of a JPEG (1 to 8), 1 when it has none or it cannot be read. */
    static int exifOrientation(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return 1;
            }
            InputStream data = segments.get(0).data();
            if (data.read() != 0) { // the pad byte after "Exif\0"
                return 1;
            }
            try (ImageInputStream exif = ImageIO.createImageInputStream(data)) {
                Directory directory = new TIFFReader().read(exif);
                Entry orientation = directory.getEntryById(TIFF.TAG_ORIENTATION);
                if (orientation != null && orientation.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                    return n.intValue();
                }
            }
        } catch (IOException | RuntimeException e) {
            return 1;
        }
        return 1;
    }

    /** The image turned upright for an EXIF orientation (2 to 8 mirror and rotate; anything else leaves it). */
    static BufferedImage orient(BufferedImage src, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        boolean swap = orientation >= 5;
        BufferedImage dst = new BufferedImage(swap ? h : w, swap ? w : h,
                src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.drawImage(src, t, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    /** The image drawn into a new one of this type and size (sRGB; transparent areas on white when dropping alpha). */
    private static BufferedImage copy(BufferedImage src, int type, int width, int height) {
        if (src.getType() == type && src.getWidth() == width && src.getHeight() == height) {
            return src;
        }
        BufferedImage dst = new BufferedImage(width, height, type);
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (type == BufferedImage.TYPE_INT_RGB) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, image, param);
    }

    static byte[] png(BufferedImage image) {
        return write(ImageIO.getImageWritersByFormatName("png").next(), image, null);
    }

    static byte[] webp(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType("image/webp").next();
        WebPWriteParam param = new WebPWriteParam(writer.getLocale());
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
        param.setCompressionQuality(WEBP_QUALITY);
        return write(writer, image, param);
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
