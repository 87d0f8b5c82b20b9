package news.dispatch.syndication;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * OpenAPI has one operation per path and method, so the ninjs and JSON-LD methods of
 * {@link ArticleFormatsResource} are hidden from the scanner and described here instead, as
 * further media types of the article operations ({@code getArticle}, {@code listArticles}).
 */
public class FormatsOpenApiFilter implements OASFilter {

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
                content.addMediaType(NinjsVersion.MEDIA_TYPE, OASFactory.createMediaType().schema(object(
                        "IPTC ninjs 3.1 (`;version=2.2`: 2.2), valid against http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json. "
                                + "Body only for keys with full text (`representationType: full`).")));
                content.addMediaType(SchemaOrgWriter.MEDIA_TYPE, OASFactory.createMediaType().schema(object(
                        "A schema.org NewsArticle (https://schema.org/NewsArticle) in JSON-LD.")));
            }
            get.setDescription(get.getDescription() + "\n\nOther formats by `Accept`: `application/ninjs+json` (IPTC ninjs 3.1; "
                    + "`;version=2.2` for 2.2) and `application/ld+json` (schema.org NewsArticle with headline, dateline, "
                    + "author, image with caption and credit, dates, section and language). ninjs obeys the syndication "
                    + "rights: a story not allowed for syndication, still embargoed, or outside the key's entitlements is a "
                    + "404 there. An unknown ninjs version is a 406.");
        }
        PathItem list = openAPI.getPaths().getPathItem("/v1/articles");
        if (list != null && list.getGET() != null) {
            Operation get = list.getGET();
            Content content = ok(get);
            if (content != null) {
                Schema page = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .description("The page shape of every list, with ninjs documents (partial, no body) as items.")
                        .addProperty("items", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                                .items(object("An IPTC ninjs document.")))
                        .addProperty("page", OASFactory.createSchema().ref("PageInfo"));
                content.addMediaType(NinjsVersion.MEDIA_TYPE, OASFactory.createMediaType().schema(page));
            }
            get.setDescription(get.getDescription() + "\n\nWith `Accept: application/ninjs+json` (`;version=2.2`) each "
                    + "item is an IPTC ninjs document, and the syndication rights apply to everyone below editor.");
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
}
