package news.dispatch.testsupport;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only endpoint that fails unexpectedly, to prove a 500 carries no internals. Hidden from OpenAPI. */
@Path("/test-only/failure")
@Produces(MediaType.APPLICATION_JSON)
public class FailingResource {

    public static final String SECRET = "jdbc:postgresql://db.internal:5432 select * from api_key";

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException(SECRET, new java.sql.SQLException("relation \"api_key\" does not exist"));
    }
}
