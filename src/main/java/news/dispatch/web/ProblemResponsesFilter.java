package news.dispatch.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Declares the standard problem responses once: every API operation gets the ones its traits imply,
 * so resources annotate only what an operation says of its own (its success response, a 409, a
 * 301, a response worded for it). A response an operation declares itself is kept as it is.
 * <ul>
 * <li>400, 500 and 503: every operation; 406 too, except where the path's extension picks the format (feeds,
 * which ignore Accept) and on DELETE (a 204 has no representation: any Accept is taken);</li>
 * <li>404: a path parameter (slug, id, format); 304: GET;</li>
 * <li>401, 403 and 429: an operation that needs a key;</li>
 * <li>412: an {@code If-Match} header; 428 too when it is required;</li>
 * <li>413 and 415: a request body.</li>
 * </ul>
 * Responses are then listed in status order.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                item.getOperations().forEach((method, operation) -> complete(method, operation));
            }
        });
    }

    private static void complete(PathItem.HttpMethod method, Operation operation) {
        Map<String, String> standard = new LinkedHashMap<>();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean formatInPath = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH && "format".equals(p.getName()));
        standard.put("400", ApiResponses.BAD_REQUEST);
        if (!formatInPath && method != PathItem.HttpMethod.DELETE) {
            standard.put("406", ApiResponses.NOT_ACCEPTABLE);
        }
        standard.put("500", ApiResponses.SERVER_ERROR);
        standard.put("503", ApiResponses.SERVICE_UNAVAILABLE);
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            standard.put("404", ApiResponses.NOT_FOUND);
        }
        if (method == PathItem.HttpMethod.GET) {
            standard.put("304", ApiResponses.NOT_MODIFIED);
        }
        if (ClientContractFilter.requiresKey(operation)) {
            standard.put("401", ApiResponses.UNAUTHORIZED);
            standard.put("403", ApiResponses.FORBIDDEN);
            standard.put("429", ApiResponses.TOO_MANY_REQUESTS);
        }
        parameters.stream().filter(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))
                .findFirst().ifPresent(ifMatch -> {
                    standard.put("412", ApiResponses.PRECONDITION_FAILED);
                    if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                        standard.put("428", ApiResponses.PRECONDITION_REQUIRED);
                    }
                });
        if (operation.getRequestBody() != null) {
            standard.put("413", ApiResponses.PAYLOAD_TOO_LARGE);
            standard.put("415", ApiResponses.UNSUPPORTED_MEDIA_TYPE);
        }

        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Map<String, APIResponse> all = new TreeMap<>(responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses());
        standard.forEach((status, ref) -> all.putIfAbsent(status, OASFactory.createAPIResponse().ref(ref)));
        responses.setAPIResponses(new LinkedHashMap<>(all));
    }
}
