package news.dispatch.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role an operation needs (each role includes the ones before it). On a method it wins
 * over one on the class. Operations without it are reads: open to anonymous callers while
 * {@code dispatch.access.public-read} is on, otherwise to any key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {
    Role value();
}
