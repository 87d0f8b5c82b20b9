package news.dispatch.testsupport;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.access.ApiKeyInput;
import news.dispatch.access.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * API keys for tests, made through the admin API with the configured bootstrap key. One key per
 * role and application start (a bean, so a restarted app with a cleaned database gets new keys),
 * and partner keys with entitlements made on demand.
 */
@ApplicationScoped
public class TestKeys {

    private final String adminSecret;
    private final Map<String, String> shared = new ConcurrentHashMap<>();

    public TestKeys(@ConfigProperty(name = "dispatch.access.admin-key") String adminSecret) {
        this.adminSecret = adminSecret;
    }

    public String admin() {
        return adminSecret;
    }

    public String editor() {
        return shared.computeIfAbsent("editor", r -> create(Map.of("name", "Test editor", "role", r)));
    }

    /** A partner without limits and without full text. */
    public String partner() {
        return shared.computeIfAbsent("partner", r -> create(Map.of("name", "Test partner", "role", r)));
    }

    /** A partner without limits, allowed full text. */
    public String fullTextPartner() {
        return shared.computeIfAbsent("full-text partner", r -> partner(true, List.of(), List.of()));
    }

    /**
     * A new partner key with these entitlements: full text or not, and the sections and tags (slugs
     * or ids) it may take, empty meaning all.
     */
    public String partner(boolean fullText, List<String> sections, List<String> tags) {
        return partnerKey(fullText, sections, tags).secret();
    }

    /** As {@link #partner(boolean, List, List)}, with the key's id (to revoke it). */
    public Key partnerKey(boolean fullText, List<String> sections, List<String> tags) {
        return issue(new ApiKeyInput(Fixtures.unique("Test partner"), Role.PARTNER, fullText, sections, tags, null, null));
    }

    /** A new key of its own (for tests that revoke keys or need their own rate limit); answers its secret. */
    public String create(Object body) {
        return issue(body).secret();
    }

    /** A new key made from an {@code ApiKeyInput} (or a map of its members). */
    public Key issue(Object body) {
        var created = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + adminSecret).body(body)
                .when().post("/v1/admin/api-keys")
                .then().statusCode(201).extract();
        return new Key(created.path("id"), created.path("secret"));
    }

    /** Revokes a key: requests with it get 401 from then on. */
    public void revoke(Key key) {
        asAdmin().delete("/v1/admin/api-keys/" + key.id()).then().statusCode(204);
    }

    /** A key as the admin API made it: its id and its secret (shown only at creation). */
    public record Key(String id, String secret) {
    }

    /** A request with this key, or an anonymous one for null. */
    public RequestSpecification as(String secret) {
        return secret == null ? given() : given().header("Authorization", "Bearer " + secret);
    }

    public RequestSpecification asEditor() {
        return as(editor());
    }

    public RequestSpecification asPartner() {
        return as(partner());
    }

    public RequestSpecification asAdmin() {
        return as(admin());
    }
}
