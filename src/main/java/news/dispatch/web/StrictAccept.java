package news.dispatch.web;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers 406 when the request's Accept names nothing the matched operation produces. Where two
 * resources share a path with different media types (articles as JSON, ninjs and JSON-LD), the
 * framework may match a method even for an Accept none of them can serve.
 * <p>
 * A DELETE answers 204 (or a problem), with no representation to negotiate, so its Accept is
 * ignored: clients generated from openapi.yaml send {@code Accept: application/problem+json} there,
 * the one media type its responses show. {@code OpenApiContractTest} checks that every DELETE
 * declares 204 as its only success.
 */
public class StrictAccept {

    @ServerRequestFilter(preMatching = true)
    public void ignoreAcceptOfDeletes(ContainerRequestContext request) {
        if ("DELETE".equals(request.getMethod()) && request.getHeaders().containsKey(HttpHeaders.ACCEPT)) {
            request.getHeaders().remove(HttpHeaders.ACCEPT);
        }
    }

    private static final Map<Method, List<MediaType>> PRODUCED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || request.getHeaderString("Accept") == null) {
            return;
        }
        List<MediaType> produced = PRODUCED.computeIfAbsent(method, StrictAccept::produced);
        if (produced.isEmpty()) {
            return;
        }
        List<MediaType> acceptable;
        try {
            acceptable = request.getAcceptableMediaTypes();
        } catch (RuntimeException e) {
            return; // an unreadable Accept is ignored (RFC 9110 12.5.1), as the framework does
        }
        for (MediaType accepted : acceptable) {
            if ("0".equals(accepted.getParameters().get("q"))) {
                continue;
            }
            for (MediaType type : produced) {
                if (accepted.isCompatible(type)) {
                    return;
                }
            }
        }
        throw new NotAcceptableException();
    }

    private static List<MediaType> produced(Method method) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = method.getDeclaringClass().getAnnotation(Produces.class);
        }
        if (produces == null) {
            return List.of();
        }
        return Arrays.stream(produces.value()).flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).map(MediaType::valueOf).toList();
    }
}
