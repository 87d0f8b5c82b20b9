package news.dispatch.sample;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample content's JSON files, on the class path under {@code sample/}. */
public final class SampleResources {

    private SampleResources() {
    }

    /** The file read as a {@code type}; a missing file is a bug of the build, not of the database. */
    public static <T> T read(ObjectMapper json, String resource, Class<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
