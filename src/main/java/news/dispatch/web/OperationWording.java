package news.dispatch.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Words in an OpenAPI filter an operation the scanner found without {@code @Operation}: the one operation of
 * several alike resources, worded for each. Members keep the order the scanner writes them in, so the document reads
 * as if the words had been annotated.
 */
public final class OperationWording {

    private OperationWording() {
    }

    /** The operation with a summary, description and id, and all it had. */
    public static Operation worded(Operation scanned, String summary, String description, String operationId) {
        Operation op = OASFactory.createOperation().summary(summary).description(description).operationId(operationId);
        if (scanned.getTags() != null) {
            op.setTags(scanned.getTags());
        }
        if (scanned.getParameters() != null) {
            op.setParameters(scanned.getParameters());
        }
        if (scanned.getRequestBody() != null) {
            op.setRequestBody(scanned.getRequestBody());
        }
        if (scanned.getResponses() != null) {
            op.setResponses(scanned.getResponses());
        }
        if (scanned.getSecurity() != null) {
            op.setSecurity(scanned.getSecurity());
        }
        return op;
    }
}
