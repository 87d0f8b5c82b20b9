package news.dispatch.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity whose rows no public (anonymous) response shows, so writing it does not invalidate
 * the application cache ({@code cache.ContentCache}): API keys, webhook registrations and their deliveries, which background jobs
 * write every few seconds (a retried delivery would otherwise empty the cache each time).
 * <p>
 * Only for entities that cannot change any answer the cache keeps: every response it holds is an
 * anonymous read of articles, their sections, tags, bylines, corrections and related posts, search
 * results, feeds or the change feed. When in doubt, do not mark: an extra invalidation costs a
 * recomputation, a missing one serves stale content (docs/decisions/064).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NotContent {
}
