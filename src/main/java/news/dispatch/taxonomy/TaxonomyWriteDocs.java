package news.dispatch.taxonomy;

import jakarta.ws.rs.core.MediaType;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.MergePatch;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.List;

/**
 * Words the operations of a {@link TaxonomyWriteResource} in the OpenAPI document, the same way for each family:
 * {@code createSection}, "Replace a tag", "The byline's current ETag."… A family's filter names its noun and what
 * a delete answers 409 for. It runs before the project's other filters, which add the standard problem responses
 * and the merge-patch schema from what is written here.
 */
public abstract class TaxonomyWriteDocs implements OASFilter {

    /** Above the default, so the operations are worded before the other filters read them. */
    public static final int PRIORITY = 100;

    private static final String SCHEMAS = "#/components/schemas/";

    private final String noun;
    private final String noun0;
    private final String deleteConflict;

    /**
     * @param noun           the family's noun, lower-case ("section"); its collection is {@code /v1/<noun>s}
     * @param deleteConflict when a delete answers 409 ("articles (not deleted) are in it")
     */
    protected TaxonomyWriteDocs(String noun, String deleteConflict) {
        this.noun = noun;
        this.noun0 = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        this.deleteConflict = deleteConflict;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        PathItem collection = openAPI.getPaths().getPathItem("/v1/" + noun + "s");
        PathItem one = openAPI.getPaths().getPathItem("/v1/" + noun + "s/{slug}");
        if (collection != null && collection.getPOST() != null) {
            collection.setPOST(operation(collection.getPOST(), "create", "Create a " + noun,
                    "Role: editor. The slug is made from the name when absent.", false,
                    body(MediaType.APPLICATION_JSON), "201"));
        }
        if (one == null) {
            return;
        }
        if (one.getPUT() != null) {
            one.setPUT(operation(one.getPUT(), "replace", "Replace a " + noun, "Role: editor. Requires `If-Match`.", true,
                    body(MediaType.APPLICATION_JSON), "200"));
        }
        if (one.getPATCH() != null) {
            one.setPATCH(operation(one.getPATCH(), "patch", "Change some fields of a " + noun,
                    "Role: editor. JSON merge patch (RFC 7396) on `" + noun0 + "Input`, validated as a PUT. Requires `If-Match`.",
                    true, body(MergePatch.MEDIA_TYPE), "200"));
        }
        if (one.getDELETE() != null) {
            one.setDELETE(operation(one.getDELETE(), "delete", "Delete a " + noun,
                    "Role: editor. 409 while " + deleteConflict + ". Requires `If-Match`.", true, null, "204"));
        }
    }

    private Operation operation(Operation scanned, String verb, String summary, String description, boolean one,
                                RequestBody body, String success) {
        Operation op = OASFactory.createOperation().summary(summary).description(description).operationId(verb + noun0);
        op.setTags(scanned.getTags());
        if (one) {
            List<Parameter> parameters = new ArrayList<>();
            parameters.add(OASFactory.createParameter().description("The " + noun + "'s slug or id.").name("slug")
                    .in(Parameter.In.PATH).required(true).schema(string()));
            parameters.add(OASFactory.createParameter().description("The " + noun + "'s current ETag.").required(true)
                    .name("If-Match").in(Parameter.In.HEADER).schema(string()));
            op.setParameters(parameters);
        }
        if (body != null) {
            op.setRequestBody(body);
        }
        APIResponses responses = OASFactory.createAPIResponses();
        if ("204".equals(success)) {
            responses.addAPIResponse(success, OASFactory.createAPIResponse().description("Deleted."));
        } else {
            responses.addAPIResponse(success, OASFactory.createAPIResponse().description("The " + noun + ".")
                    .content(content(MediaType.APPLICATION_JSON, noun0 + "View")));
        }
        responses.addAPIResponse("409", OASFactory.createAPIResponse().ref(ApiResponses.CONFLICT));
        op.setResponses(responses);
        op.setSecurity(scanned.getSecurity());
        return op;
    }

    private RequestBody body(String mediaType) {
        return OASFactory.createRequestBody().content(content(mediaType, noun0 + "Input")).required(true);
    }

    private static Content content(String mediaType, String schema) {
        return OASFactory.createContent().addMediaType(mediaType,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + schema)));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
