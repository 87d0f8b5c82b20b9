package news.dispatch.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import news.dispatch.testsupport.FreshDatabaseProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** CORS with a list of allowed origins (the default, "*", is checked in OperationsTest), and HSTS switched on. */
@QuarkusTest
@TestProfile(CorsTest.OriginList.class)
class CorsTest {

    /**
     * On a database of its own: an application of another profile must not share the suite's in-memory
     * H2 database, which outlives it (DB_CLOSE_DELAY=-1) and broke the next profile's inserts.
     */
    public static class OriginList extends FreshDatabaseProfile {
        @Override
        protected Map<String, String> extra() {
            // and HSTS, which is off by default (OperationsTest): one application start for both
            return Map.of("dispatch.cors.origins", "https://partner.example,https://newsroom.example",
                    "DISPATCH_HSTS", "max-age=31536000; includeSubDomains");
        }
    }

    @Test
    void allowedOriginGetsCorsHeadersButNeverCredentials() {
        given().header("Origin", "https://partner.example").when().get("/v1/sections").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://partner.example")
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Vary", containsString("Origin"));
    }

    @Test
    void otherOriginIsServedWithoutCorsHeaders() {
        given().header("Origin", "https://evil.example").when().get("/v1/sections").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Vary", containsString("Origin"));
    }

    @Test
    void responsesVaryOnOriginEvenWithoutOne() {
        given().when().get("/v1/sections").then().statusCode(200)
                .header("Vary", containsString("Accept"))
                .header("Vary", containsString("Origin"));
    }

    @Test
    void strictTransportSecurityIsSentWhenConfigured() {
        for (String path : List.of("/v1/sections", "/no/such/path", "/q/swagger-ui/")) {
            given().when().get(path).then()
                    .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void preflightIsAnswered() {
        given().header("Origin", "https://newsroom.example")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, if-match, content-type")
                .when().options("/v1/articles/some-story").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://newsroom.example")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Max-Age", "86400")
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void preflightFromOtherOriginIs403ProblemJson() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/v1/sections").then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("urn:dispatch:problem:forbidden"))
                .body("detail", containsString("https://evil.example"));
    }

    @Test
    void preflightForAnUnsupportedMethodIs403() {
        given().header("Origin", "https://partner.example").header("Access-Control-Request-Method", "TRACE")
                .when().options("/v1/sections").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
