package news.dispatch.testsupport;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * API keys for tests, made through the admin API with the configured bootstrap key. One key per
 * role and application start (a bean, so a restarted app with a cleaned database gets new keys).
 */
@ApplicationScoped
public class TestKeys {

    private final String adminSecret;
    private final Map<String, String> byRole = new ConcurrentHashMap<>();

    public TestKeys(@ConfigProperty(name = "dispatch.access.admin-key") String adminSecret) {
        this.adminSecret = adminSecret;
    }

    public String admin() {
        return adminSecret;
    }

    public String editor() {
        return byRole.computeIfAbsent("editor", r -> create(Map.of("name", "Test editor", "role", r)));
    }

    public String partner() {
        return byRole.computeIfAbsent("partner", r -> create(Map.of("name", "Test partner", "role", r)));
    }

    /** A new key of its own (for tests that revoke keys or need their own rate limit). */
    public String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + adminSecret).body(body)
                .when().post("/v1/admin/api-keys")
                .then().statusCode(201).extract().path("secret");
    }

    public RequestSpecification asEditor() {
        return given().header("Authorization", "Bearer " + editor());
    }

    public RequestSpecification asPartner() {
        return given().header("Authorization", "Bearer " + partner());
    }

    public RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer " + admin());
    }
}
