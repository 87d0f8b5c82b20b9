package news.dispatch.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Shapes the document for the clients partners and mobile teams generate from it (decision 112), for every
 * operation and schema, including ones added later:
 * <ul>
 * <li>a server and a contact, which generators and linters ask for (the licence identifier is configured);</li>
 * <li>security declared at the root (an API key); public reads override it with "no key or a key";</li>
 * <li>every response header typed;</li>
 * <li>response enums open ({@code x-extensible-enum}, a string): a value added later must not break a client;</li>
 * <li>examples of query parameters kept in their schema's {@code examples}, which "Try it out" does not send;</li>
 * <li>enum values of parameters named for generators ({@code x-enum-varnames}: {@code -publishedAt} is
 * {@code PUBLISHED_AT_DESC});</li>
 * <li>representations mark every member {@code required}: it is always there, {@code null} where the schema says so
 * ({@code fields} trims a representation on request, see the parameter);</li>
 * <li>each merge-patch body has its own {@code …Patch} schema: nothing required, no defaults, every member nullable,
 * so a generated client sends only what was set and {@code null} only to clear.</li>
 * </ul>
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ClientContractFilter implements OASFilter {

    static final String SCHEME = "apiKey";
    static final String SCHEMAS = "#/components/schemas/";
    /** Members a representation leaves out unless asked for. */
    static final Map<String, Set<String>> OPTIONAL = Map.of("PageInfo", Set.of("total", "missing"),
            "SearchHit", Set.of("body", "corrections", "navigation", "related", "images"),
            "ChangeItem", Set.of("article", "embargoed", "embargoUntil"), "Preview", Set.of("token", "url"));
    /** Schemas that are no representation of ours, or whose members come and go. */
    static final Set<String> NOT_REPRESENTATIONS = Set.of("Problem", "FieldError", "NinjsPage");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null) {
            if (openAPI.getInfo().getContact() == null) {
                openAPI.getInfo().setContact(OASFactory.createContact().name("The Dispatch team"));
            }
        }
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("{origin}")
                    .description("Where Dispatch is served: scheme, host and port, without a trailing slash.")
                    .variables(Map.of("origin", OASFactory.createServerVariable().defaultValue("http://localhost:8080")
                            .description("The default is the embedded build on its default port."))));
        }
        if (openAPI.getTags() != null) {
            // Swagger UI shows the groups in this order: what readers use first, the administration last.
            List<String> order = List.of("Articles", "Sections", "Tags", "Bylines", "Search", "Fronts", "Most read",
                    "Live blogs", "Alerts", "Images", "Syndication", "Webhooks", "API keys");
            List<org.eclipse.microprofile.openapi.models.tags.Tag> tags = new ArrayList<>(openAPI.getTags());
            tags.sort(java.util.Comparator.comparingInt(t -> order.indexOf(t.getName()) < 0 ? order.size() - 2 : order.indexOf(t.getName())));
            openAPI.setTags(tags);
        }
        openAPI.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME))));
        Map<String, Schema> schemas = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Map.of() : openAPI.getComponents().getSchemas();
        Map<String, Schema> patches = new LinkedHashMap<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                if (!path.startsWith("/v1/")) {
                    return;
                }
                if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                    // Public while public reads are on; a key still counts (partners, editors, public reads off).
                    operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement(),
                            OASFactory.createSecurityRequirement().addScheme(SCHEME))));
                }
                typeHeaders(operation);
                nameEnumValues(operation);
                if (method == PathItem.HttpMethod.PATCH) {
                    patchBody(operation, schemas, patches);
                }
            }));
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().values().forEach(r -> typeHeaders(r.getHeaders()));
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getHeaders() != null) {
            typeHeaders(openAPI.getComponents().getHeaders());
        }
        schemas.forEach((name, schema) -> {
            openEnum(schema);
            if (schema.getProperties() != null) {
                // A type written beside a $ref says nothing the target does not, and generators warn about it.
                schema.getProperties().values().stream().filter(p -> p.getRef() != null).forEach(p -> p.setType(null));
            }
            if (!name.endsWith("Input") && !NOT_REPRESENTATIONS.contains(name) && schema.getProperties() != null) {
                Set<String> optional = OPTIONAL.getOrDefault(name, Set.of());
                schema.setRequired(schema.getProperties().keySet().stream().filter(p -> !optional.contains(p)).sorted().toList());
            }
        });
        patches.forEach((name, schema) -> openAPI.getComponents().addSchema(name, schema));
        PathItem webhooks = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/v1/admin/webhooks");
        if (schemas.containsKey("WebhookPayload") && webhooks != null && webhooks.getPOST() != null
                && webhooks.getPOST().getCallbacks() == null) {
            // What Dispatch then sends to the registered URL: a callback, which client generators leave alone.
            webhooks.getPOST().addCallback("articleChange", OASFactory.createCallback().addPathItem("{$request.body#/url}",
                    OASFactory.createPathItem().POST(OASFactory.createOperation()
                            .summary("A change of an article, sent to the webhook")
                            .description("Dispatch POSTs each change to the webhook's URL, signed; answer any 2xx, anything "
                                    + "else is retried with backoff.")
                            .security(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())))
                            .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                                    .addMediaType("application/json", OASFactory.createMediaType()
                                            .schema(OASFactory.createSchema().ref(SCHEMAS + "WebhookPayload")))))
                            .responses(OASFactory.createAPIResponses().addAPIResponse("204",
                                    OASFactory.createAPIResponse().description("Received (any 2xx will do).")).addAPIResponse("4XX",
                                    OASFactory.createAPIResponse().description("Refused: sent again later with backoff, up to the "
                                            + "configured number of attempts."))))));
        }
    }

    /** Whether the operation can only be called with a key. */
    static boolean requiresKey(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        return security != null && !security.isEmpty()
                && security.stream().noneMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty());
    }

    private static void typeHeaders(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(r -> typeHeaders(r.getHeaders()));
        }
    }

    private static void typeHeaders(Map<String, Header> headers) {
        if (headers == null) {
            return;
        }
        headers.values().forEach(h -> {
            if (h.getRef() == null && h.getSchema() == null && h.getContent() == null) {
                h.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            }
        });
    }

    private static void nameEnumValues(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter p : operation.getParameters()) {
            Schema schema = p.getSchema();
            if ((p.getIn() == Parameter.In.QUERY || p.getIn() == Parameter.In.HEADER) && p.getExample() != null && schema != null) {
                // An example of a filter or header is documentation: Swagger UI's "Try it out" would send it as a value.
                if (schema.getExamples() == null || schema.getExamples().isEmpty()) {
                    schema.setExamples(List.of(p.getExample()));
                }
                p.setExample(null);
            }
            if (schema != null && schema.getEnumeration() != null && schema.getExtensions() != null
                    && schema.getExtensions().containsKey("x-enum-varnames")) {
                continue;
            }
            if (schema != null && schema.getEnumeration() != null) {
                boolean sort = "sort".equals(p.getName());
                schema.addExtension("x-enum-varnames", schema.getEnumeration().stream()
                        .map(v -> identifier(varName(String.valueOf(v), sort), p.getName())).toList());
            }
        }
    }

    /**
     * A name no language refuses: one that would start with a digit ({@code 16x9}, {@code 1h}) starts with its parameter's
     * name instead ({@code RATIO_16X9}, {@code WINDOW_1H}).
     */
    static String identifier(String name, String parameter) {
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
            return name;
        }
        return varName(parameter, false) + "_" + name;
    }

    /** For a sort, {@code -publishedAt} is {@code PUBLISHED_AT_DESC} and {@code name} {@code NAME_ASC}; else {@code NAME}. */
    static String varName(String value, boolean sort) {
        boolean descending = value.startsWith("-");
        String words = (descending ? value.substring(1) : value).replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "").toUpperCase(Locale.ROOT);
        return sort ? words + (descending ? "_DESC" : "_ASC") : words;
    }

    /** A component enum of strings becomes open: known values in {@code x-extensible-enum}, any string accepted. */
    private static void openEnum(Schema schema) {
        if (schema.getEnumeration() == null || schema.getEnumeration().isEmpty()) {
            return;
        }
        schema.addExtension("x-extensible-enum", new ArrayList<>(schema.getEnumeration()));
        schema.setEnumeration(null);
        String note = "Known values are listed in `x-extensible-enum`; more may be added, so treat an unknown value as "
                + "\"other\" rather than an error.";
        schema.setDescription(schema.getDescription() == null ? note : schema.getDescription() + " " + note);
    }

    /** The merge-patch body gets a schema of its own, derived from the PUT body's. */
    private static void patchBody(Operation operation, Map<String, Schema> schemas, Map<String, Schema> patches) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        for (MediaType media : operation.getRequestBody().getContent().getMediaTypes().values()) {
            Schema schema = media.getSchema();
            if (schema == null || schema.getRef() == null || !schema.getRef().startsWith(SCHEMAS)) {
                continue;
            }
            String input = schema.getRef().substring(SCHEMAS.length());
            Schema source = schemas.get(input);
            if (source == null || source.getProperties() == null) {
                continue;
            }
            String name = input.replaceAll("Input$", "") + "Patch";
            patches.computeIfAbsent(name, n -> patchOf(source));
            media.setSchema(OASFactory.createSchema().ref(SCHEMAS + name));
        }
    }

    private static Schema patchOf(Schema source) {
        Schema patch = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A JSON merge patch (RFC 7396): only the members sent change; `null` clears an optional member "
                        + "(a required one cannot be cleared); an absent member stays as it is. " + (source.getDescription() == null
                        ? "" : source.getDescription()));
        Map<String, Schema> properties = new LinkedHashMap<>();
        source.getProperties().forEach((name, property) -> properties.put(name, nullable(property)));
        patch.setProperties(properties);
        return patch;
    }

    /** The property as a patch member: no default, and {@code null} allowed. */
    private static Schema nullable(Schema property) {
        Schema copy = OASFactory.createSchema();
        if (property.getRef() != null) {
            copy.setAnyOf(List.of(OASFactory.createSchema().ref(property.getRef()),
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
            return copy;
        }
        if (property.getAnyOf() != null) {
            copy.setAnyOf(new ArrayList<>(property.getAnyOf()));
            if (property.getAnyOf().stream().noneMatch(s -> s.getType() != null && s.getType().contains(Schema.SchemaType.NULL))) {
                copy.getAnyOf().add(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            }
        }
        if (property.getType() != null) {
            List<Schema.SchemaType> types = new ArrayList<>(property.getType());
            if (!types.contains(Schema.SchemaType.NULL)) {
                types.add(Schema.SchemaType.NULL);
            }
            copy.setType(types);
        }
        copy.setDescription(property.getDescription());
        copy.setItems(property.getItems());
        copy.setFormat(property.getFormat());
        copy.setPattern(property.getPattern());
        copy.setMaxLength(property.getMaxLength());
        copy.setMinLength(property.getMinLength());
        copy.setMaxItems(property.getMaxItems());
        copy.setMinItems(property.getMinItems());
        copy.setMaximum(property.getMaximum());
        copy.setMinimum(property.getMinimum());
        copy.setExamples(property.getExamples());
        return copy;
    }
}
