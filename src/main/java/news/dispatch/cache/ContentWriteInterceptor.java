package news.dispatch.cache;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.Dependent;
import org.hibernate.Hibernate;
import org.hibernate.Interceptor;
import org.hibernate.Transaction;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.type.Type;

/**
 * Notices every entity insert, update and delete of a session and, once its transaction has
 * completed, invalidates {@link ContentCache}. So no write that goes through Hibernate can leave a
 * stale list in the application cache, whoever wrote it and whether or not it remembered to call
 * {@link ContentCache#invalidateAll()}. Entities marked {@link NotContent} (API keys, webhooks and
 * their deliveries) do not count: no public response shows them (docs/decisions/064). One instance
 * per session (dependent scope), so the flag needs no synchronisation.
 */
@Dependent
@PersistenceUnitExtension
public class ContentWriteInterceptor implements Interceptor {

    /** Whether writes of an entity class count as content writes (everything not marked {@link NotContent}). */
    private static final ClassValue<Boolean> CONTENT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return !type.isAnnotationPresent(NotContent.class);
        }
    };

    private final ContentCache cache;
    private boolean wrote;

    public ContentWriteInterceptor(ContentCache cache) {
        this.cache = cache;
    }

    /** Whether a write of this entity may change what a public response shows. */
    static boolean isContent(Object entity) {
        return entity == null || CONTENT.get(Hibernate.getClassLazy(entity));
    }

    private void wrote(Object entity) {
        if (!wrote && isContent(entity)) {
            wrote = true;
        }
    }

    /** A collection counts as its owner does; one whose owner is unknown counts as content. */
    private void wroteCollection(Object collection) {
        wrote(collection instanceof PersistentCollection<?> c ? c.getOwner() : null);
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        wrote(entity);
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
                                String[] propertyNames, Type[] types) {
        wrote(entity);
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        wrote(entity);
    }

    @Override
    public void onCollectionRecreate(Object collection, Object key) {
        wroteCollection(collection);
    }

    @Override
    public void onCollectionRemove(Object collection, Object key) {
        wroteCollection(collection);
    }

    @Override
    public void onCollectionUpdate(Object collection, Object key) {
        wroteCollection(collection);
    }

    @Override
    public void afterTransactionCompletion(Transaction tx) {
        if (wrote) {
            wrote = false;
            cache.invalidateAll();
        }
    }
}
