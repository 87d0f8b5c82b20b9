package news.dispatch.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy (address forwarding on, docs/operations.md) the anonymous rate-limit bucket is the
 * address the proxy forwarded, on the REST layer and on answers given early from the application cache.
 */
@QuarkusTest
@TestProfile(ClientAddressBehindProxyTest.BehindProxy.class)
class ClientAddressBehindProxyTest {

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "dispatch.access.rate-limit.anonymous", "1000");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void eachForwardedAddressHasABucketOfItsOwnOnCachedAnswers() {
        String path = "/v1/articles?limit=7";
        given().header("X-Forwarded-For", "192.0.2.1").get(path).then().statusCode(200); // computed and cached
        double early = early();
        boolean separate = false;
        for (int attempt = 0; attempt < 3 && !separate; attempt++) { // a new window may begin in between
            String a = "203.0.113." + (10 + attempt);
            String b = "198.51.100." + (10 + attempt);
            int a1 = remaining(given().header("X-Forwarded-For", a).get(path));
            int a2 = remaining(given().header("X-Forwarded-For", a).get(path));
            int b1 = remaining(given().header("X-Forwarded-For", b).get(path));
            // a new address starts a bucket of its own; its requests do not count in another's
            separate = a1 == 999 && a2 == 998 && b1 == 999;
        }
        assertThat(separate).isTrue();
        assertThat(early() - early).as("answered from the application cache").isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void eachForwardedAddressHasABucketOfItsOwnOnTheRestLayer() {
        double early = early();
        boolean separate = false;
        for (int attempt = 0; attempt < 3 && !separate; attempt++) {
            String a = "203.0.113." + (80 + attempt);
            // the section list is not kept in the application cache: the operation answers every time
            int a1 = remaining(given().header("X-Forwarded-For", a).get("/v1/sections"));
            int a2 = remaining(given().header("X-Forwarded-For", a).get("/v1/sections"));
            int b1 = remaining(given().header("X-Forwarded-For", "198.51.100." + (80 + attempt)).get("/v1/sections"));
            separate = a1 == 999 && a2 == 998 && b1 == 999;
        }
        assertThat(separate).isTrue();
        assertThat(early()).as("nothing answered from the application cache").isEqualTo(early);
    }

    private double early() {
        var counter = registry.find("dispatch.cache.early.answers").counter();
        return counter == null ? 0 : counter.count();
    }

    private static int remaining(Response response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return Integer.parseInt(response.header("RateLimit-Remaining"));
    }
}
