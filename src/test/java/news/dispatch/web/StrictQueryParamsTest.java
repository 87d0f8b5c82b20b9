package news.dispatch.web;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import news.dispatch.article.ArticleListParams;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which query parameter names an operation declares; the HTTP side is covered by the resource tests. */
class StrictQueryParamsTest {

    static class Params extends ArticleListParams {
        @QueryParam("fields")
        public String fields;
    }

    @SuppressWarnings("unused")
    static class Resource {
        public void none(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        }

        public void plain(@QueryParam("type") String type, @QueryParam("q") String q) {
        }

        public void rest(@RestQuery String kind, @RestQuery("n") String named) {
        }

        public void bean(@PathParam("slug") String slug, @BeanParam ArticleListParams params) {
        }

        public void inherited(@BeanParam Params params, @QueryParam("extra") String extra) {
        }
    }

    static Stream<Arguments> operations() {
        Set<String> list = Set.of("section", "tag", "byline", "lang", "from", "to", "sort", "limit", "cursor", "count",
                "fields", "include");
        return Stream.of(
                Arguments.of("none", Set.of()),
                Arguments.of("plain", Set.of("type", "q")),
                Arguments.of("rest", Set.of("kind", "n")),
                Arguments.of("bean", list),
                Arguments.of("inherited", union(list, Set.of("fields", "extra"))));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void collectsDeclaredQueryParameters(String method, Set<String> expected) {
        Method m = Arrays.stream(Resource.class.getDeclaredMethods()).filter(x -> x.getName().equals(method)).findFirst().orElseThrow();
        assertThat(StrictQueryParams.declared(m)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toSet());
    }
}
