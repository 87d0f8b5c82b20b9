package news.dispatch.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import news.dispatch.common.WholeSeconds;

import java.io.IOException;
import java.time.Instant;

/**
 * Every time in every JSON representation is RFC 3339 in UTC with whole seconds
 * ({@code 2021-07-10T09:30:00Z}, decision 111): one shape that strict ISO-8601 decoders (Swift's
 * {@code .iso8601}, for one) read, whether the value came from the database or from memory.
 */
@Singleton
public class InstantJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("dispatch-instants").addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator g, SerializerProvider provider) throws IOException {
                g.writeString(WholeSeconds.truncate(value).toString());
            }
        }));
    }
}
