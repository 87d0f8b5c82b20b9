package news.dispatch.syndication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.OASFactory;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAPI has one operation per path and method, so the ninjs and JSON-LD methods that share the
 * paths of the JSON operations ({@link ArticleFormatsResource}, and the ninjs twins of the section,
 * tag, byline and search lists) are hidden from the scanner and described here instead, as further
 * media types of those operations, with examples ({@link FormatExamples}).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class FormatsOpenApiFilter implements OASFilter {

    /** The article lists that also answer in ninjs. */
    static final List<String> NINJS_LISTS = List.of("/v1/articles", "/v1/sections/{slug}/articles",
            "/v1/tags/{slug}/articles", "/v1/bylines/{slug}/articles", "/v1/search");
    static final String NINJS_PAGE = "NinjsPage";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        PathItem article = openAPI.getPaths().getPathItem("/v1/articles/{slug}");
        if (article != null && article.getGET() != null) {
            Operation get = article.getGET();
            Content content = ok(get);
            if (content != null) {
                content.addMediaType(NinjsVersion.MEDIA_TYPE, media(object(
                        "IPTC ninjs 3.1 (`;version=2.2`: 2.2), valid against http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json. "
                                + "Body only for keys with full text (`representationType: full`)."), FormatExamples.NINJS));
                content.addMediaType(SchemaOrgWriter.MEDIA_TYPE, media(object(
                        "A schema.org NewsArticle (https://schema.org/NewsArticle) in JSON-LD; a live article is a "
                                + "LiveBlogPosting (https://schema.org/LiveBlogPosting) with its newest entries as "
                                + "`liveBlogUpdate`."), FormatExamples.NEWS_ARTICLE));
            }
            get.setDescription(get.getDescription() + "\n\nOther formats by `Accept`: `application/ninjs+json` (IPTC ninjs 3.1; "
                    + "`;version=2.2` for 2.2) and `application/ld+json` (schema.org NewsArticle with headline, dateline, "
                    + "author, image with caption and credit, dates, section and language; a live article is a "
                    + "LiveBlogPosting with `coverageStartTime`, `coverageEndTime` and its newest entries as "
                    + "`liveBlogUpdate`). ninjs obeys the syndication rights: a story not allowed for syndication, still "
                    + "embargoed, or outside the key's entitlements is a 404 there; a key with early delivery gets an "
                    + "embargoed story with `embargoedUntil` (`embargoed` in 2.2). An unknown ninjs version is a 406.");
        }
        boolean listed = false;
        for (String path : NINJS_LISTS) {
            PathItem list = openAPI.getPaths().getPathItem(path);
            if (list == null || list.getGET() == null) {
                continue;
            }
            Operation get = list.getGET();
            Content content = ok(get);
            if (content != null) {
                content.addMediaType(NinjsVersion.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/" + NINJS_PAGE)).example(ninjsPage()));
                listed = true;
            }
            get.setDescription(get.getDescription() + "\n\nWith `Accept: application/ninjs+json` (`;version=2.2` for 2.2) "
                    + "each item is an IPTC ninjs document (`representationType: partial`, no body)"
                    + (path.equals("/v1/search") ? ", in the same order, without `score` and `highlight`" : "")
                    + ", and the syndication rights apply to everyone below editor: stories not allowed for syndication, "
                    + "still embargoed (but for a key with early delivery, marked by `embargoedUntil`) or outside the "
                    + "key's entitlements are left out. `fields` and `include` shape JSON "
                    + "only (a 400 with ninjs); an unknown ninjs version is a 406.");
        }
        if (listed && openAPI.getComponents() != null) {
            openAPI.getComponents().addSchema(NINJS_PAGE, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("The page shape of every list, with IPTC ninjs documents (partial, no body) as items.")
                    .addProperty("items", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                            .items(object("An IPTC ninjs document, valid against "
                                    + "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json (or _2.2.json).")))
                    .addProperty("page", OASFactory.createSchema().ref("#/components/schemas/PageInfo")));
        }
    }

    private static Content ok(Operation operation) {
        if (operation.getResponses() == null) {
            return null;
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        return ok == null ? null : ok.getContent();
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static MediaType media(Schema schema, String example) {
        return OASFactory.createMediaType().schema(schema).example(parse(example));
    }

    /** A list page of the example article as list items are: partial, without its body. */
    private static Map<String, Object> ninjsPage() {
        Map<String, Object> item = parse(FormatExamples.NINJS);
        item.put("representationType", "partial");
        item.remove("bodies");
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("limit", 20);
        page.put("next", FormatExamples.NEXT);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("items", List.of(item));
        example.put("page", page);
        return example;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String example) {
        try {
            return JSON.readValue(example, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A format example is not JSON", e);
        }
    }
}
