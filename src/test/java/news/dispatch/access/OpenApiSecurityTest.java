package news.dispatch.access;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/** The document names the security scheme, the roles and the problem responses of the write operations. */
@QuarkusTest
class OpenApiSecurityTest {

    @Test
    void writeOperationsDeclareSecurityAndProblems() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .body("paths.'/v1/articles'.post.operationId", equalTo("createArticle"))
                .body("paths.'/v1/articles'.post.security[0]", hasKey("apiKey"))
                .body("paths.'/v1/articles/{slug}'.put.responses", hasKey("428"))
                .body("paths.'/v1/articles/{slug}'.put.responses", hasKey("412"))
                .body("paths.'/v1/articles/{slug}'.patch.requestBody.content", hasKey("application/merge-patch+json"))
                .body("paths.'/v1/admin/api-keys'.post.responses.'403'", notNullValue())
                .body("components.responses.TooManyRequests.headers", hasKey("Retry-After"));
    }
}
