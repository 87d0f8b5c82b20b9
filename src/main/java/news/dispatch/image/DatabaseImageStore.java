package news.dispatch.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.UUID;

/**
 * Originals in the {@code image_original} table and working copies in {@code image_working_copy} (bytea on
 * PostgreSQL, a binary column on H2).
 */
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
    public void putWorkingCopy(UUID image, WorkingCopy copy) {
        ImageWorkingCopy row = em.find(ImageWorkingCopy.class, image);
        boolean added = row == null;
        if (added) {
            row = new ImageWorkingCopy();
            row.imageId = image;
        }
        row.width = copy.width();
        row.height = copy.height();
        row.bytes = copy.bytes();
        if (added) {
            em.persist(row);
        }
    }

    @Override
    public Optional<WorkingCopy> workingCopy(UUID image) {
        return Optional.ofNullable(em.find(ImageWorkingCopy.class, image))
                .map(w -> new WorkingCopy(w.width, w.height, w.bytes));
    }

    @Override
    public void delete(UUID image) {
        em.createQuery("delete from ImageWorkingCopy w where w.imageId = :id").setParameter("id", image).executeUpdate();
        em.createQuery("delete from ImageOriginal o where o.imageId = :id").setParameter("id", image).executeUpdate();
    }
}
