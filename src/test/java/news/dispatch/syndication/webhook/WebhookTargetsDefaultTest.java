package news.dispatch.syndication.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** Without an allow-list (the default), loopback receivers are refused like every other internal target. */
@QuarkusTest
@TestProfile(WebhookTargetsDefaultTest.NoAllowList.class)
class WebhookTargetsDefaultTest {

    public static class NoAllowList implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A documentation range nothing listens on: the allow-list names nothing the test could reach.
            return Map.of("dispatch.webhooks.allowed-targets", "192.0.2.0/24");
        }
    }

    @Inject
    TestKeys keys;

    @Test
    void loopbackReceiversAreRefused() {
        for (String url : List.of("http://127.0.0.1:8080/hooks", "http://[::1]:8080/hooks", "http://localhost/hooks")) {
            keys.asAdmin().contentType("application/json")
                    .body(Map.of("url", url, "eventTypes", List.of("publish"), "secret", "a-shared-secret-of-some-length"))
                    .post("/v1/admin/webhooks").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
    }
}
