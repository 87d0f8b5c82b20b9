package news.dispatch.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import news.dispatch.text.InputText;
import news.dispatch.web.problem.InvalidValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What every JSON body goes through while it is bound, whatever record it becomes (articles, sections,
 * tags, bylines, corrections, keys, webhooks; a merge-patch too, since it is bound after merging):
 * text is normalised to NFC and refused with invalid characters, text with nothing visible in it is
 * read as empty (so {@code @NotBlank} refuses it and optional fields drop it), and times outside years
 * 0001..9999 are refused (docs/decisions/090-input-text.md). Field-specific rules (single-line fields,
 * URLs) are constraints on the records: {@link SingleLine}, {@link HttpUrl}.
 */
@Singleton
public class InputRules implements ObjectMapperCustomizer {

    /** Last, after the modules Quarkus registers (java.time among them), so these deserializers win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("dispatch-input-rules");
        module.addDeserializer(String.class, new Text());
        module.addDeserializer(Instant.class, new Time());
        mapper.registerModule(module);
        mapper.getFactory().setInputDecorator(new StrictUtf8());
    }

    /**
     * Refuses bodies that are not valid UTF-8 before Jackson decodes them: its decoder takes overlong
     * forms ({@code C0 AF} for "/"), which would let a character slip past any check made on the bytes.
     * Java's decoder reports overlong forms, encoded surrogates and truncated sequences.
     */
    static final class StrictUtf8 extends InputDecorator {

        @Override
        public InputStream decorate(IOContext context, InputStream in) throws IOException {
            byte[] bytes = in.readAllBytes();
            check(bytes, 0, bytes.length);
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public InputStream decorate(IOContext context, byte[] bytes, int offset, int length) throws IOException {
            check(bytes, offset, length);
            return null; // parse the array as it is
        }

        @Override
        public Reader decorate(IOContext context, Reader reader) {
            return reader;
        }

        private static void check(byte[] bytes, int offset, int length) throws InvalidValue {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, offset, length));
            } catch (CharacterCodingException e) {
                throw new InvalidValue(null, "is not valid UTF-8", null);
            }
        }
    }

    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value == null || value.isEmpty()) {
                return value;
            }
            String invalid = InputText.invalid(value);
            if (invalid != null) {
                throw new InvalidValue(p, invalid, String.class);
            }
            return InputText.isBlank(value) ? "" : InputText.normalise(value);
        }
    }

    static final class Time extends StdScalarDeserializer<Instant> {

        Time() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Instant value = InstantDeserializer.INSTANT.deserialize(p, ctxt);
            if (value != null && !Timestamps.storable(value)) {
                throw new InvalidValue(p, Timestamps.OUT_OF_RANGE, Instant.class);
            }
            return value;
        }
    }
}
