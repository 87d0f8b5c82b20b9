package news.dispatch.image;

import news.dispatch.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uploads are admitted by the memory they need (about 8 bytes a pixel) against the images' share of the heap
 * (decision 170): one that alone needs more is refused as too large (413 over HTTP, as every ProblemException is
 * answered), never decoded into an OutOfMemoryError. The codec on its own, with 8 MB for images.
 */
class ImageMemoryTest {

    private static ImageConfig config(int megabytes) {
        return new ImageConfig() {
            public long maxPixels() { return 40_000_000; }
            public int maxSide() { return 12_000; }
            public int concurrentDecodes() { return 2; }
            public Optional<Integer> decodeMegabytes() { return Optional.of(megabytes); }
            public int cacheMegabytes() { return 64; }
        };
    }

    private static byte[] picture(int width, int height) {
        return ImageResourceTest.encode(ImageResourceTest.halves(width, height, Color.BLUE, Color.ORANGE), "jpeg");
    }

    @Test
    void anUploadTooLargeForTheImagesMemoryIsRefusedAsTooLarge() {
        ImageCodec codec = new ImageCodec(config(8));
        // 1,200 × 1,000 pixels need about 9.2 MB, over the 8 MB given to images
        assertThatThrownBy(() -> codec.normalise(picture(1200, 1000)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type().status()).isEqualTo(413))
                .hasMessageContaining("1200×1000");
        // one that fits is taken, and a rendition of it is made within the same memory, which is all given back
        ImageCodec.Normalised fits = codec.normalise(picture(800, 600));
        assertThat(fits.width()).isEqualTo(800);
        for (int i = 0; i < 5; i++) {
            byte[] rendition = codec.render(fits.bytes(), new java.awt.Rectangle(0, 0, 800, 450), 640, 360, RenditionFormat.JPEG);
            BufferedImage decoded = ImageResourceTest.decode(rendition);
            assertThat(decoded.getWidth()).isEqualTo(640);
        }
        assertThat(codec.normalise(picture(800, 600)).height()).isEqualTo(600);
    }
}
