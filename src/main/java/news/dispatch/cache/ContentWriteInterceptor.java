package news.dispatch.cache;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.Dependent;
import news.dispatch.common.NotContent;
import org.hibernate.Hibernate;
import org.hibernate.Interceptor;
import org.hibernate.Transaction;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.type.Type;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Notices every entity insert, update and delete of a session and, once its transaction has
 * completed, invalidates in {@link ContentCache} what they touched. So no write that goes through Hibernate can
 * leave a stale answer in the application cache, whoever wrote it and whether or not it remembered to tell the
 * cache. Each {@link Purgeable} entity names the purge keys its write touches (decision 086); entities marked
 * {@link NotContent} (API keys, webhooks and their deliveries) touch none: no public response shows them
 * (docs/decisions/064); a write of any other entity invalidates everything. One instance per session
 * (dependent scope), so the keys need no synchronisation.
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

    private static final Logger LOG = Logger.getLogger(ContentWriteInterceptor.class);

    private final ContentCache cache;
    /** The keys touched in this transaction; {@link ContentCache#ALL_KEY} among them for everything. */
    private final Set<String> touched = new HashSet<>();

    public ContentWriteInterceptor(ContentCache cache) {
        this.cache = cache;
    }

    /** Whether a write of this entity may change what a public response shows. */
    static boolean isContent(Object entity) {
        return entity == null || CONTENT.get(Hibernate.getClassLazy(entity));
    }

    private void wrote(Object entity, Purgeable.Write write) {
        if (!isContent(entity) || touched.contains(ContentCache.ALL_KEY)) {
            return;
        }
        if (entity instanceof Purgeable purgeable) {
            purgeable.touched(write, touched::add);
        } else {
            touched.add(ContentCache.ALL_KEY);
        }
    }

    /** A collection counts as a write of its owner as a whole; one whose owner is unknown touches everything. */
    private void wroteCollection(Object collection) {
        Object owner = collection instanceof PersistentCollection<?> c ? c.getOwner() : null;
        if (owner == null) {
            touched.add(ContentCache.ALL_KEY);
        } else {
            wrote(owner, Purgeable.Write.whole());
        }
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        wrote(entity, new Purgeable.Write(true, false, propertyNames, state, null));
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
                                String[] propertyNames, Type[] types) {
        wrote(entity, new Purgeable.Write(false, false, propertyNames, currentState, previousState));
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        wrote(entity, new Purgeable.Write(false, true, propertyNames, null, state));
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

    /**
     * Announces the touched keys to the other instances inside the transaction (decision 087): on the transaction's
     * own connection, so PostgreSQL delivers the notification when, and only if, it commits.
     */
    @Override
    public void beforeTransactionCompletion(Transaction tx) {
        if (touched.isEmpty()) {
            return;
        }
        expandRelatedOf();
        PurgeBroadcast broadcast = Arc.container().instance(PurgeBroadcast.class).get();
        if (!broadcast.enabled()) {
            return;
        }
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection()) {
            broadcast.announce(connection, touched);
        } catch (SQLException e) {
            // Failing the write for it would trade a stale cache elsewhere for a lost edit: the time-to-live bounds it.
            LOG.warnf("Could not announce a write's invalidation to the other instances (%s)", e.getMessage());
        }
    }

    /**
     * Replaces each {@link Purgeable#RELATED_OF_PREFIX} key by the related-post keys of that article's tags, read on the
     * transaction's own connection now that the flush is over (it sees the transaction's own writes). When they cannot
     * be read, everything is invalidated instead: a stale related post is not worth the risk.
     */
    private void expandRelatedOf() {
        List<UUID> articles = new ArrayList<>();
        for (Iterator<String> it = touched.iterator(); it.hasNext(); ) {
            String key = it.next();
            if (key.startsWith(Purgeable.RELATED_OF_PREFIX)) {
                articles.add(UUID.fromString(key.substring(Purgeable.RELATED_OF_PREFIX.length())));
                it.remove();
            }
        }
        if (articles.isEmpty() || touched.contains(ContentCache.ALL_KEY)) {
            return;
        }
        String in = String.join(",", java.util.Collections.nCopies(articles.size(), "?"));
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select distinct tag_id from article_tag where article_id in (" + in + ")")) {
            for (int i = 0; i < articles.size(); i++) {
                statement.setObject(i + 1, articles.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    touched.add(Purgeable.RELATED_PREFIX + rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not read the tags of written articles (%s): invalidating everything", e.getMessage());
            touched.add(ContentCache.ALL_KEY);
        }
    }

    @Override
    public void afterTransactionCompletion(Transaction tx) {
        if (touched.stream().anyMatch(key -> key.startsWith(Purgeable.RELATED_OF_PREFIX))) {
            touched.add(ContentCache.ALL_KEY); // not expanded (no completion step ran before): everything, to be sure
        }
        if (!touched.isEmpty()) {
            Set<String> keys = Set.copyOf(touched);
            touched.clear();
            cache.written(keys);
        }
    }
}
