package news.dispatch.common;

import jakarta.persistence.AttributeConverter;

import java.util.Locale;

/** Stores an enum as its lower-case name, with '-' for '_' (as the API spells it: follow-up). */
public abstract class LowerCaseEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected LowerCaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    public static String toValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String convertToDatabaseColumn(E attribute) {
        return attribute == null ? null : toValue(attribute);
    }

    @Override
    public E convertToEntityAttribute(String dbData) {
        return dbData == null ? null : Enum.valueOf(type, dbData.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
