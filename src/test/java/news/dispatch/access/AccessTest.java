package news.dispatch.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.dispatch.section.Section;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AccessTest {

    static final String PROBLEM = "application/problem+json";
    static final String SOME_ID = "01900000-0000-7000-8000-000000000000";

    @Inject
    TestKeys keys;

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    /** Every operation with the least role it needs. */
    static Stream<Arguments> operations() {
        String article = "/v1/articles/" + SOME_ID;
        return Stream.of(
                Arguments.of("GET", "/v1/articles", Role.ANONYMOUS),
                Arguments.of("GET", article, Role.ANONYMOUS),
                Arguments.of("GET", "/v1/sections", Role.ANONYMOUS),
                Arguments.of("GET", "/v1/tags", Role.ANONYMOUS),
                Arguments.of("GET", "/v1/bylines", Role.ANONYMOUS),
                Arguments.of("POST", "/v1/articles", Role.EDITOR),
                Arguments.of("PUT", article, Role.EDITOR),
                Arguments.of("PATCH", article, Role.EDITOR),
                Arguments.of("DELETE", article, Role.EDITOR),
                Arguments.of("POST", article + "/publish", Role.EDITOR),
                Arguments.of("POST", article + "/unpublish", Role.EDITOR),
                Arguments.of("POST", article + "/corrections", Role.EDITOR),
                Arguments.of("PUT", article + "/related", Role.EDITOR),
                Arguments.of("GET", article + "/revisions", Role.EDITOR),
                Arguments.of("POST", "/v1/sections", Role.EDITOR),
                Arguments.of("PUT", "/v1/sections/" + SOME_ID, Role.EDITOR),
                Arguments.of("PATCH", "/v1/sections/" + SOME_ID, Role.EDITOR),
                Arguments.of("DELETE", "/v1/sections/" + SOME_ID, Role.EDITOR),
                Arguments.of("POST", "/v1/tags", Role.EDITOR),
                Arguments.of("PUT", "/v1/tags/" + SOME_ID, Role.EDITOR),
                Arguments.of("PATCH", "/v1/tags/" + SOME_ID, Role.EDITOR),
                Arguments.of("DELETE", "/v1/tags/" + SOME_ID, Role.EDITOR),
                Arguments.of("POST", "/v1/tags/" + SOME_ID + "/merge", Role.EDITOR),
                Arguments.of("POST", "/v1/bylines", Role.EDITOR),
                Arguments.of("PUT", "/v1/bylines/" + SOME_ID, Role.EDITOR),
                Arguments.of("PATCH", "/v1/bylines/" + SOME_ID, Role.EDITOR),
                Arguments.of("DELETE", "/v1/bylines/" + SOME_ID, Role.EDITOR),
                Arguments.of("GET", "/v1/admin/api-keys", Role.ADMIN),
                Arguments.of("POST", "/v1/admin/api-keys", Role.ADMIN),
                Arguments.of("GET", "/v1/admin/api-keys/" + SOME_ID, Role.ADMIN),
                Arguments.of("DELETE", "/v1/admin/api-keys/" + SOME_ID, Role.ADMIN));
    }

    RequestSpecification as(Role role) {
        return switch (role) {
            case ANONYMOUS -> given();
            case PARTNER -> keys.asPartner();
            case EDITOR -> keys.asEditor();
            case ADMIN -> keys.asAdmin();
        };
    }

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @MethodSource("operations")
    void everyRoleAgainstEveryOperation(String method, String path, Role needed) {
        for (Role role : Role.values()) {
            var response = as(role).contentType(method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                    .body("{}").request(method, path).then().extract();
            if (role.atLeast(needed)) {
                assertThat(response.statusCode()).as("%s as %s", path, role).isNotIn(401, 403);
            } else if (role == Role.ANONYMOUS) {
                assertThat(response.statusCode()).as("%s as %s", path, role).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"dispatch\"");
                assertThat(response.contentType()).isEqualTo(PROBLEM);
                assertThat(response.<String>path("type")).isEqualTo("urn:dispatch:problem:unauthorized");
            } else {
                assertThat(response.statusCode()).as("%s as %s", path, role).isEqualTo(403);
                assertThat(response.header("WWW-Authenticate")).isNull();
                assertThat(response.<String>path("type")).isEqualTo("urn:dispatch:problem:forbidden");
            }
        }
    }

    @Test
    void unknownOrMalformedKeysAre401EvenOnPublicReads() {
        given().header("Authorization", "Bearer dk_not-a-real-key").get("/v1/articles")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer realm=\"dispatch\", error=\"invalid_token\"");
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/v1/articles").then().statusCode(401);
        given().header("Authorization", "Bearer ").get("/v1/articles").then().statusCode(401);
    }

    @Test
    void anonymousAndPartnersCannotListUnpublishedStatuses() {
        given().queryParam("status", "draft").get("/v1/articles").then().statusCode(401)
                .header("WWW-Authenticate", notNullValue());
        keys.asPartner().queryParam("status", "draft").get("/v1/articles").then().statusCode(403);
        keys.asPartner().queryParam("status", "published").get("/v1/articles").then().statusCode(200);
        keys.asEditor().queryParam("status", "nonsense").get("/v1/articles").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Nested
    class ApiKeys {

        @Test
        void aKeyIsShownOnceStoredAsAHashAndListedWithoutSecret() {
            Section section = fixtures.section("Entitled");
            var tag = fixtures.tag("Entitled tag", TagType.TOPIC);
            var created = keys.asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("name", "Partner site", "role", "partner", "fullText", true,
                            "sections", List.of(section.slug), "tags", List.of(tag.slug), "rateLimit", 50))
                    .post("/v1/admin/api-keys")
                    .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/v1/admin/api-keys/"))
                    .header("Cache-Control", "no-store")
                    .body("role", equalTo("partner")).body("fullText", equalTo(true))
                    .body("sectionIds[0]", equalTo(section.id.toString()))
                    .body("tagIds[0]", equalTo(tag.id.toString()))
                    .body("rateLimit", equalTo(50))
                    .extract();
            String secret = created.path("secret");
            String id = created.path("id");
            // At least 128 random bits: 32 bytes base64url after the prefix.
            assertThat(secret).startsWith("dk_").hasSize(3 + 43);
            assertThat(created.<String>path("prefix")).isEqualTo(secret.substring(0, 10));

            String stored = QuarkusTransaction.requiringNew().call(() -> em.find(ApiKey.class, UUID.fromString(id)).secretHash);
            assertThat(stored).hasSize(64).doesNotContain(secret.substring(3));

            keys.asAdmin().get("/v1/admin/api-keys/" + id).then().statusCode(200)
                    .body("$", not(hasKey("secret"))).body("name", equalTo("Partner site"));
            keys.asAdmin().queryParam("limit", "100").get("/v1/admin/api-keys").then().statusCode(200)
                    .body("items", everyItem(not(hasKey("secret"))));

            given().header("Authorization", "Bearer " + secret).get("/v1/articles").then().statusCode(200)
                    .header("RateLimit-Limit", "50");
        }

        @Test
        void aRevokedKeyStopsWorkingAtOnce() {
            var created = keys.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Short-lived", "role", "editor"))
                    .post("/v1/admin/api-keys").then().statusCode(201).extract();
            String secret = created.path("secret");
            given().header("Authorization", "Bearer " + secret).queryParam("status", "draft").get("/v1/articles")
                    .then().statusCode(200);
            keys.asAdmin().delete("/v1/admin/api-keys/" + created.path("id")).then().statusCode(204);
            given().header("Authorization", "Bearer " + secret).get("/v1/articles").then().statusCode(401);
            keys.asAdmin().get("/v1/admin/api-keys/" + created.path("id")).then().statusCode(200)
                    .body("revokedAt", notNullValue());
            keys.asAdmin().delete("/v1/admin/api-keys/" + created.path("id")).then().statusCode(204);
        }

        @Test
        void badKeyRequestsAre400() {
            keys.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "", "role", "anonymous", "sections", List.of("nope")))
                    .post("/v1/admin/api-keys").then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("name"));
            keys.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "anonymous", "sections", List.of("nope")))
                    .post("/v1/admin/api-keys").then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.contains("role", "sections[0]"));
            keys.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "root"))
                    .post("/v1/admin/api-keys").then().statusCode(400).body("errors[0].field", equalTo("role"));
            keys.asAdmin().get("/v1/admin/api-keys/not-an-id").then().statusCode(404);
        }
    }

    @Nested
    class RateLimits {

        @Test
        void aKeyGetsItsLimitThen429WithRetryAfter() {
            String secret = keys.create(Map.of("name", "Tight", "role", "partner", "rateLimit", 3));
            // Windows are fixed (aligned to the clock), so one may end during the loop: then counting starts again at 2.
            int successes = 0;
            io.restassured.response.ExtractableResponse<io.restassured.response.Response> refused = null;
            String expectedRemaining = "2";
            for (int i = 0; i < 8 && refused == null; i++) {
                var response = given().header("Authorization", "Bearer " + secret).get("/v1/sections").then().extract();
                assertThat(response.header("RateLimit-Limit")).isEqualTo("3");
                assertThat(response.header("RateLimit-Reset")).isNotNull();
                if (response.statusCode() == 429) {
                    refused = response;
                } else {
                    assertThat(response.statusCode()).isEqualTo(200);
                    if (!response.header("RateLimit-Remaining").equals(expectedRemaining)) {
                        assertThat(response.header("RateLimit-Remaining")).isEqualTo("2"); // a new window began
                    }
                    expectedRemaining = String.valueOf(Integer.parseInt(response.header("RateLimit-Remaining")) - 1);
                    successes++;
                }
            }
            assertThat(successes).isGreaterThanOrEqualTo(3);
            assertThat(refused).isNotNull();
            assertThat(refused.contentType()).isEqualTo(PROBLEM);
            assertThat(refused.<String>path("type")).isEqualTo("urn:dispatch:problem:rate-limited");
            assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
            int retryAfter = Integer.parseInt(refused.header("Retry-After"));
            assertThat(retryAfter).isBetween(1, 60);
            // Other keys are not affected.
            keys.asPartner().get("/v1/sections").then().statusCode(200);
        }

        @Test
        void anAnonymousClientCannotLeaveItsAddressBucketWithForwardedHeaders() {
            // No trusted proxy is configured: X-Forwarded-For and Forwarded are the client's own words, and the
            // bucket stays the connection's address, on the REST layer and on answers from the application cache.
            for (String path : List.of("/v1/sections", "/v1/articles?limit=3")) { // the operation; the application cache
                given().get(path).then().statusCode(200);
                boolean sameBucket = false;
                for (int attempt = 0; attempt < 3 && !sameBucket; attempt++) { // a new window may begin in between
                    int first = remaining(given().header("X-Forwarded-For", "203.0.113.7").get(path));
                    int second = remaining(given().header("X-Forwarded-For", "198.51.100.9")
                            .header("Forwarded", "for=192.0.2.60").get(path));
                    sameBucket = second == first - 1;
                }
                assertThat(sameBucket).as(path).isTrue();
            }
        }

        private int remaining(io.restassured.response.Response response) {
            assertThat(response.statusCode()).isEqualTo(200);
            return Integer.parseInt(response.header("RateLimit-Remaining"));
        }

        @Test
        void anonymousResponsesCarryTheAddressLimit() {
            given().get("/v1/sections").then().statusCode(200).header("RateLimit-Limit", "1000000")
                    .header("Vary", org.hamcrest.Matchers.containsString("Authorization"));
        }
    }
}
