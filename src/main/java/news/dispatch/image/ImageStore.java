package news.dispatch.image;

import java.util.Optional;
import java.util.UUID;

/**
 * Where originals are kept, readable by every instance. The database is the one store today
 * ({@link DatabaseImageStore}); an object store would implement the same three calls. Calls run inside the
 * caller's transaction where the store is transactional.
 */
public interface ImageStore {

    void put(UUID image, byte[] bytes);

    Optional<byte[]> get(UUID image);

    void delete(UUID image);
}
