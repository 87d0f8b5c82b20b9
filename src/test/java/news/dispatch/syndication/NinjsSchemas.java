package news.dispatch.syndication;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;

/**
 * The IPTC ninjs schemas (src/test/resources/ninjs), loaded once, formats asserted. The schemas'
 * only remote reference (GeoJSON, for places we never locate) is mapped to a local stand-in, so
 * validation needs no network.
 */
final class NinjsSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m
                    .mapPrefix("https://geojson.org/schema/", "classpath:ninjs/stub/")
                    .mapPrefix("http://www.iptc.org/std/ninjs/", "classpath:ninjs/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    static final JsonSchema V3_1 = FACTORY.getSchema(SchemaLocation.of("classpath:ninjs/ninjs-schema_3.1.json"), CONFIG);
    static final JsonSchema V2_2 = FACTORY.getSchema(SchemaLocation.of("classpath:ninjs/ninjs-schema_2.2.json"), CONFIG);

    private NinjsSchemas() {
    }

    /** The schema's complaints about a document; empty when it is valid. */
    static List<String> errors(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::toString).toList();
    }
}
