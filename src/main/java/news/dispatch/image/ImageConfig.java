package news.dispatch.image;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Images and their renditions (docs/decisions/170-images-and-renditions.md). */
@ConfigMapping(prefix = "dispatch.images")
public interface ImageConfig {

    /**
     * Most pixels (width × height, read from the file's header before decoding) an upload may have: a decoded
     * image takes four bytes a pixel, so this bounds the memory one upload can claim (decompression bombs).
     */
    @WithDefault("40000000")
    long maxPixels();

    /** Most pixels along either side. */
    @WithDefault("12000")
    int maxSide();

    /** How many images are decoded at once (uploads and renditions together); others wait their turn. */
    @WithDefault("2")
    int concurrentDecodes();

    /**
     * Most memory, in megabytes, that the images being decoded, scaled and encoded at one time may take (uploads need
     * about 8 bytes a pixel); an upload that alone needs more is a 413. Half the heap when not set.
     */
    java.util.Optional<Integer> decodeMegabytes();

    /** Most memory the renditions kept in this instance may take, in megabytes. */
    @WithDefault("24")
    int cacheMegabytes();
}
