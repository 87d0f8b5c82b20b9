package news.dispatch.testsupport;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Follows a list's pages to the end, checking the Link header on the way. */
public final class Pages {

    private Pages() {
    }

    /** Every item slug of the list at path, following page.next until the end. */
    public static List<String> walk(String path, Map<String, ?> params) {
        List<String> slugs = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 200; guard++) {
            var request = given().queryParams(params);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response r = request.get(path).then().statusCode(200).extract().response();
            slugs.addAll(r.jsonPath().getList("items.slug"));
            cursor = r.jsonPath().getString("page.next");
            if (cursor == null) {
                assertThat(r.header("Link")).isNull();
                return slugs;
            }
            assertThat(r.header("Link")).contains("cursor=" + cursor).endsWith(">; rel=\"next\"");
        }
        throw new AssertionError("the list does not end");
    }
}
