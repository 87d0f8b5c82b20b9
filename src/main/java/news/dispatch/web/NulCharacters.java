package news.dispatch.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rejects a NUL character (%00) in a path or query parameter with 400: no slug, id or filter can
 * contain one, and PostgreSQL refuses it in any text parameter (SQLSTATE 22021), which would
 * otherwise surface as a 500.
 */
public class NulCharacters {

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        collect(request.getUriInfo().getPathParameters(), errors);
        collect(request.getUriInfo().getQueryParameters(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void collect(Map<String, List<String>> parameters, List<FieldError> errors) {
        parameters.forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                errors.add(new FieldError(name.replace("\0", "\\0"), "must not contain NUL characters"));
            }
        });
    }
}
