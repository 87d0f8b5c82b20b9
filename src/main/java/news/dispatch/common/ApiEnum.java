package news.dispatch.common;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum the API spells in lower case with hyphens (follow-up), in JSON, query parameters and the database. */
public interface ApiEnum {

    String name();

    @JsonValue
    default String value() {
        return LowerCaseEnumConverter.toValue((Enum<?>) this);
    }

    static <E extends Enum<E> & ApiEnum> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.value().equals(value)).findFirst();
    }

    /** The accepted spellings, for error messages: "a, b or c". */
    static <E extends Enum<E> & ApiEnum> String choices(Class<E> type) {
        String all = Arrays.stream(type.getEnumConstants()).map(ApiEnum::value).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
