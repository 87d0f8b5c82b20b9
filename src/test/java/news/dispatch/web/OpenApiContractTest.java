package news.dispatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document: identical to the committed openapi.yaml, and complete for every operation. */
@QuarkusTest
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("openapi.yaml");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /**
     * Compared as documents, not as text: the file stored at build time and the document served at
     * run time hold the same content, but SmallRye writes some keys in a different order.
     */
    @Test
    void theCommittedOpenApiYamlIsWhatTheServerServes() throws IOException {
        String served = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(COMMITTED).as("openapi.yaml at the repository root (run `mvn package -DskipTests` to write it)").exists();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> differences = new ArrayList<>();
        compare(yaml.readTree(Files.readString(COMMITTED)), yaml.readTree(served), "", differences);
        assertThat(differences)
                .as("openapi.yaml differs from /q/openapi at these places: run `mvn package -DskipTests` and commit openapi.yaml")
                .isEmpty();
    }

    /** Collects the JSON pointers where the two documents differ (object key order ignored, array order not). */
    static void compare(JsonNode committed, JsonNode served, String pointer, List<String> differences) {
        if (differences.size() >= 20) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    differences.add(child + " only served");
                } else if (!served.has(name)) {
                    differences.add(child + " only committed");
                } else {
                    compare(committed.get(name), served.get(name), child, differences);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                compare(committed.get(i), served.get(i), pointer + "/" + i, differences);
            }
        } else if (!committed.equals(served)) {
            differences.add(pointer + ": committed " + abbreviate(committed) + ", served " + abbreviate(served));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    @Test
    void everyOperationIsFullyDocumented() throws IOException {
        JsonNode doc = document();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/v1/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                check(doc, where, op.getValue(), problems);
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(12);
        assertThat(problems).isEmpty();
    }

    @Test
    void summariesAreFlatInTheFullArticleAndInRelatedPosts() throws IOException {
        JsonNode schemas = document().path("components").path("schemas");
        for (String name : List.of("ArticleView", "RelatedArticle")) {
            JsonNode properties = schemas.path(name).path("properties");
            assertThat(properties.has("headline")).as(name + ".headline").isTrue();
            assertThat(properties.has("slug")).as(name + ".slug").isTrue();
            assertThat(properties.has("summary")).as(name + ".summary").isFalse();
            assertThat(properties.has("article")).as(name + ".article").isFalse();
        }
        assertThat(schemas.path("ArticleView").path("properties").has("navigation")).isTrue();
        assertThat(schemas.path("RelatedArticle").path("properties").has("relation")).isTrue();
        assertThat(schemas.path("ArticleSummary").path("properties").has("body")).isFalse();
    }

    @Test
    void enumsUseTheirJsonSpelling() throws IOException {
        JsonNode schemas = document().path("components").path("schemas");
        assertThat(schemas.path("Relation").path("x-extensible-enum").toString()).isEqualTo("[\"related\",\"background\",\"follow-up\"]");
        assertThat(schemas.path("TagType").path("x-extensible-enum").toString()).isEqualTo("[\"topic\",\"person\",\"place\",\"organisation\"]");
    }

    /** What client generators need (decision 112); the linters run on the committed file in CI (.ci/openapi-lint). */
    @Test
    void theDocumentIsReadyForGeneratedClients() throws IOException {
        JsonNode doc = document();
        assertThat(doc.path("servers").size()).isEqualTo(1);
        assertThat(doc.path("info").path("license").path("identifier").asText()).isNotBlank();
        assertThat(doc.path("security").toString()).isEqualTo("[{\"apiKey\":[]}]");
        JsonNode paths = doc.path("paths");
        assertThat(paths.path("/v1/articles").path("get").path("security").toString()).isEqualTo("[{},{\"apiKey\":[]}]");
        assertThat(paths.path("/v1/articles").path("get").path("responses").has("401")).isFalse();
        assertThat(paths.path("/v1/articles").path("post").path("security").toString()).isEqualTo("[{\"apiKey\":[]}]");
        assertThat(paths.path("/v1/articles").path("post").path("responses").path("201").path("headers").path("Location")
                .path("schema").path("type").asText()).isEqualTo("string");
        JsonNode patch = paths.path("/v1/articles/{slug}").path("patch").path("requestBody").path("content")
                .path("application/merge-patch+json").path("schema");
        assertThat(patch.path("$ref").asText()).isEqualTo("#/components/schemas/ArticlePatch");
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(schemas.path("ArticlePatch").has("required")).isFalse();
        assertThat(schemas.path("ArticlePatch").path("properties").path("tags").path("type").toString()).isEqualTo("[\"array\",\"null\"]");
        assertThat(schemas.path("ArticlePatch").toString()).doesNotContain("\"default\"");
        assertThat(schemas.path("ChangeType").has("enum")).isFalse();
        assertThat(schemas.path("ChangeType").path("type").toString()).contains("string");
        assertThat(schemas.path("ArticleView").path("required").toString()).contains("\"headline\"", "\"publishedAt\"", "\"navigation\"");
        assertThat(schemas.path("PageInfo").path("required").toString()).isEqualTo("[\"limit\",\"next\"]");
        // Swagger UI's "Try it out" fills an input from a parameter's example: filters and headers keep theirs in the schema
        // (checked in Chromium: every filter of GET /v1/articles starts empty, defaults aside)
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            for (JsonNode parameter : op.getValue().path("parameters")) {
                JsonNode p = resolve(doc, parameter);
                if (!p.path("in").asText().equals("path")) {
                    assertThat(p.has("example")).as(op.getKey() + " " + path.getKey() + " " + p.path("name").asText()).isFalse();
                }
                // generated enums take these names as they are: each must be an identifier in TypeScript, Java and Kotlin
                for (JsonNode name : p.path("schema").path("x-enum-varnames")) {
                    assertThat(name.asText()).as(op.getKey() + " " + path.getKey() + " " + p.path("name").asText())
                            .matches("[A-Z_][A-Z0-9_]*");
                }
            }
        }));
        for (JsonNode parameter : paths.path("/v1/articles").path("get").path("parameters")) {
            if (parameter.path("name").asText().equals("sort")) {
                assertThat(parameter.path("schema").path("x-enum-varnames").toString()).contains("PUBLISHED_AT_DESC");
            }
        }
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static JsonNode document() throws IOException {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        return new ObjectMapper().readTree(json);
    }

    private static void check(JsonNode doc, String where, JsonNode op, List<String> problems) {
        for (String field : List.of("operationId", "summary", "description")) {
            if (op.path(field).asText("").isBlank()) {
                problems.add(where + ": no " + field);
            }
        }
        if (op.path("tags").size() == 0) {
            problems.add(where + ": no tag");
        }
        for (JsonNode parameter : op.path("parameters")) {
            JsonNode p = resolve(doc, parameter);
            if (p.path("description").asText("").isBlank()) {
                problems.add(where + ": parameter " + p.path("name").asText() + " has no description");
            }
            if (p.path("schema").isMissingNode()) {
                problems.add(where + ": parameter " + p.path("name").asText() + " has no schema");
            }
        }
        JsonNode responses = op.path("responses");
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode response = resolve(doc, entry.getValue());
            if (response.path("description").asText("").isBlank()) {
                problems.add(where + ": response " + entry.getKey() + " has no description");
            }
            if (entry.getKey().startsWith("2")) {
                success = true; // 204 (a delete) is a success without content
            }
            if (entry.getKey().startsWith("2") && !entry.getKey().equals("204")) {
                JsonNode content = response.path("content");
                if (content.size() == 0) {
                    problems.add(where + ": response " + entry.getKey() + " has no content");
                }
                for (JsonNode media : content) {
                    JsonNode schema = resolve(doc, media.path("schema"));
                    if (schema.isMissingNode() || schema.isEmpty()) {
                        problems.add(where + ": response " + entry.getKey() + " has no schema");
                    } else if (!media.has("example") && !media.has("examples") && !hasExamples(doc, schema, 0)) {
                        problems.add(where + ": response " + entry.getKey() + " has no examples");
                    }
                }
            }
            if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                JsonNode problem = response.path("content").path("application/problem+json");
                if (problem.isMissingNode()) {
                    problems.add(where + ": response " + entry.getKey() + " is not a problem+json");
                }
            }
        }
        if (!success) {
            problems.add(where + ": no success response");
        }
        // Feeds pick their format by the path's extension and ignore Accept: they never answer 406; nor does a
        // DELETE, which answers 204 whatever the Accept.
        List<String> required = where.contains(".{format}") || where.startsWith("DELETE") ? List.of("400", "500", "503")
                : List.of("400", "406", "500", "503");
        if (where.startsWith("DELETE")) {
            for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                String code = codes.next();
                if (code.startsWith("2") && !code.equals("204")) {
                    problems.add(where + ": a DELETE answers 204 only, not " + code);
                }
            }
        }
        for (String status : required) {
            if (!responses.has(status)) {
                problems.add(where + ": no " + status + " response");
            }
        }
        if ((where.contains("{slug}") || where.contains("{id}")) && !responses.has("404")) {
            problems.add(where + ": no 404 response");
        }
        if (where.startsWith("GET") && !responses.has("304")) {
            problems.add(where + ": no 304 response");
        }
    }

    /** Whether the schema, or the schema of its items, shows example values. */
    private static boolean hasExamples(JsonNode doc, JsonNode schema, int depth) {
        if (depth > 4) {
            return false;
        }
        if (schema.has("example") || schema.has("examples")) {
            return true;
        }
        for (JsonNode property : schema.path("properties")) {
            JsonNode p = resolve(doc, property);
            if (p.has("example") || p.has("examples")) {
                return true;
            }
            if (hasExamples(doc, resolve(doc, p.path("items")), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }
}
