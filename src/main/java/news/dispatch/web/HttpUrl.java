package news.dispatch.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An absolute http or https URL with a host, as RFC 3986 writes it: no spaces, quotes (single ones
 * neither), angle brackets or backslashes (characters outside ASCII are fine), and no user name or password. The URL
 * ends up in attributes of other people's markup (feeds, pages that embed the article), so nothing in
 * it may close or open one. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpUrl.Validator.class)
public @interface HttpUrl {

    /** The shape for the API document; the check itself is {@link Validator#valid}. */
    String PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s\"'<>\\\\]+$";

    String message() default "must be an absolute http or https URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HttpUrl, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || valid(value);
        }

        static boolean valid(String value) {
            if (value.indexOf('\'') >= 0) {
                return false; // legal in RFC 3986, but it closes a single-quoted attribute
            }
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                return false;
            }
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getScheme() == null) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null;
        }
    }
}
