package news.dispatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import news.dispatch.web.problem.ProblemException;
import news.dispatch.web.problem.UnreadableJson;

import java.util.Set;

/** Merge-patch for any input record: apply to the JSON of the current input, bind, validate as for PUT. */
@ApplicationScoped
public class JsonInputs {

    private final ObjectMapper json;
    private final Validator validator;

    public JsonInputs(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The JSON bytes of a representation as responses serialise it (what its ETag's hash covers). */
    public byte[] bytes(Object view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + view.getClass().getSimpleName(), e);
        }
    }

    public <T> T patch(T current, JsonNode patch, Class<T> type) {
        JsonNode merged = MergePatch.apply(json.valueToTree(current), patch);
        T input;
        try {
            input = json.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableJson(e);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        if (input == null) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }
}
