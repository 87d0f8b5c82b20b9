package news.dispatch.image;

import java.util.Optional;
import java.util.UUID;

/**
 * Where originals and their working copies (decision 170) are kept, readable by every instance. The database is
 * the one store today ({@link DatabaseImageStore}); an object store would implement the same calls. Calls run inside
 * the caller's transaction where the store is transactional.
 */
public interface ImageStore {

    /** A smaller copy of a large original, with its size in pixels. */
    record WorkingCopy(int width, int height, byte[] bytes) {
    }

    void put(UUID image, byte[] bytes);

    Optional<byte[]> get(UUID image);

    /** Keeps the image's working copy (one per image: a second one replaces the first). */
    void putWorkingCopy(UUID image, WorkingCopy copy);

    Optional<WorkingCopy> workingCopy(UUID image);

    /** Deletes the original and its working copy. */
    void delete(UUID image);
}
