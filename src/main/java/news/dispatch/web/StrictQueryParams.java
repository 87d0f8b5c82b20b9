package news.dispatch.web;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rejects query parameters the matched operation does not declare (API.md: a typo must not
 * silently return everything), and parameters given more than once. The allowed names are read
 * once per method from its {@code @QueryParam}/{@code @RestQuery} parameters and {@code @BeanParam} fields.
 */
public class StrictQueryParams {

    private static final Map<Method, Set<String>> ALLOWED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        var query = request.getUriInfo().getQueryParameters();
        if (query.isEmpty()) {
            return;
        }
        Set<String> allowed = ALLOWED.computeIfAbsent(method, StrictQueryParams::declared);
        List<FieldError> errors = new ArrayList<>();
        for (var entry : query.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                errors.add(new FieldError(entry.getKey(), allowed.isEmpty()
                        ? "unknown query parameter; this operation takes none"
                        : "unknown query parameter; allowed: " + String.join(", ", allowed.stream().sorted().toList())));
            } else if (entry.getValue().size() > 1) {
                errors.add(new FieldError(entry.getKey(), "must be given at most once"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** The query parameters an operation declares: its own and those of its {@code @BeanParam}s. */
    public static Set<String> declared(Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            collect(parameter.getAnnotations(), parameter.getName(), parameter.getType(), names);
        }
        return Set.copyOf(names);
    }

    private static void collect(Annotation[] annotations, String name, Class<?> type, Set<String> names) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                names.add(q.value());
            } else if (a instanceof RestQuery q) {
                names.add(q.value().isEmpty() ? name : q.value());
            } else if (a instanceof BeanParam) {
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        collect(field.getAnnotations(), field.getName(), field.getType(), names);
                    }
                }
            }
        }
    }
}
