package news.dispatch.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Every stored time is a whole second (decision 111): each {@code Instant} attribute is truncated on
 * its way to the database, whatever set it (the clock, a client's {@code publishAt}, a fixture), and
 * so is every value a query compares with one. Representations show the same precision
 * ({@code web/InstantJson}), so a time read back never differs from the one a write answered.
 */
@Converter(autoApply = true)
public class WholeSeconds implements AttributeConverter<Instant, Instant> {

    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public Instant convertToDatabaseColumn(Instant attribute) {
        return truncate(attribute);
    }

    @Override
    public Instant convertToEntityAttribute(Instant column) {
        return truncate(column);
    }
}
