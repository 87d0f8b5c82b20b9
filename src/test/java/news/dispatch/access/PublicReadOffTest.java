package news.dispatch.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.dispatch.testsupport.FreshDatabaseProfile;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** With public-read off, every read needs a key; and anonymous callers get the per-address limit, /q/openapi included. */
@QuarkusTest
@TestProfile(PublicReadOffTest.PublicReadOff.class)
class PublicReadOffTest {

    public static class PublicReadOff extends FreshDatabaseProfile {
        @Override
        protected Map<String, String> extra() {
            return Map.of("dispatch.access.public-read", "false", "dispatch.access.rate-limit.anonymous", "2");
        }
    }

    @Inject
    TestKeys keys;

    @Test
    void readsNeedAKeyAndAnonymousCallersAreCountedPerAddress() {
        keys.asPartner().get("/v1/articles").then().statusCode(200);
        int unauthorized = 0;
        int refused = 0;
        for (int i = 0; i < 4; i++) {
            var response = given().get("/v1/tags").then().extract();
            if (response.statusCode() == 429) {
                refused++;
            } else {
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"dispatch\"");
                assertThat(response.<String>path("type")).isEqualTo("urn:dispatch:problem:unauthorized");
                unauthorized++;
            }
        }
        // The window may roll over once during the loop, so at least one of four requests over a limit of 2 is refused.
        assertThat(refused).isGreaterThanOrEqualTo(1);
        assertThat(unauthorized).isGreaterThanOrEqualTo(1);
        given().get("/v1/tags").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // the API document shares the address's bucket (decision 122)
        given().get("/q/openapi").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue()).header("RateLimit-Remaining", "0");
    }
}
