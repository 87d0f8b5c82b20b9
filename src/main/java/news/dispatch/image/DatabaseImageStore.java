package news.dispatch.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.UUID;

/** Originals in the {@code image_original} table (bytea on PostgreSQL, a binary column on H2). */
@ApplicationScoped
public class DatabaseImageStore implements ImageStore {

    private final EntityManager em;

    public DatabaseImageStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public void put(UUID image, byte[] bytes) {
        ImageOriginal original = new ImageOriginal();
        original.imageId = image;
        original.bytes = bytes;
        em.persist(original);
    }

    @Override
    public Optional<byte[]> get(UUID image) {
        return Optional.ofNullable(em.find(ImageOriginal.class, image)).map(o -> o.bytes);
    }

    @Override
    public void delete(UUID image) {
        em.createQuery("delete from ImageOriginal o where o.imageId = :id").setParameter("id", image).executeUpdate();
    }
}
