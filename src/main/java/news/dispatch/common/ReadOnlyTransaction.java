package news.dispatch.common;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read: run in a transaction of its own whose Hibernate session never flushes and loads entities
 * read-only, or, when the caller already has a transaction open, in the caller's transaction unchanged
 * (docs/decisions/083). For service methods that change nothing; use {@code @Transactional} for the others.
 * With {@code replica = true}, a read of a public or partner request may be served by the read replica when one is
 * configured (docs/decisions/093); leave it false for reads that must see the latest writes (API keys, webhooks).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadOnlyTransaction {

    /** Whether the read replica may serve this read (public content only: articles, taxonomy, search, changes). */
    @Nonbinding
    boolean replica() default false;
}
