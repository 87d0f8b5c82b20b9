package news.dispatch.cache;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.Dependent;
import org.hibernate.Interceptor;
import org.hibernate.Transaction;
import org.hibernate.type.Type;

/**
 * Notices every entity insert, update and delete of a session and, once its transaction has
 * completed, invalidates {@link ContentCache}. So no write that goes through Hibernate can leave a
 * stale list in the application cache, whoever wrote it and whether or not it remembered to call
 * {@link ContentCache#invalidateAll()}. One instance per session (dependent scope), so the flag
 * needs no synchronisation.
 */
@Dependent
@PersistenceUnitExtension
public class ContentWriteInterceptor implements Interceptor {

    private final ContentCache cache;
    private boolean wrote;

    public ContentWriteInterceptor(ContentCache cache) {
        this.cache = cache;
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        wrote = true;
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
                                String[] propertyNames, Type[] types) {
        wrote = true;
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        wrote = true;
    }

    @Override
    public void onCollectionRecreate(Object collection, Object key) {
        wrote = true;
    }

    @Override
    public void onCollectionRemove(Object collection, Object key) {
        wrote = true;
    }

    @Override
    public void onCollectionUpdate(Object collection, Object key) {
        wrote = true;
    }

    @Override
    public void afterTransactionCompletion(Transaction tx) {
        if (wrote) {
            wrote = false;
            cache.invalidateAll();
        }
    }
}
