package news.dispatch.syndication;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What every feed operation takes: the format, from the path's extension, and a key as a query
 * parameter for feed readers, which cannot send {@code Authorization} (the access filter reads it
 * from any operation that declares {@code apiKey}).
 */
public class FeedParams {

    @PathParam("format")
    @Parameter(description = "The format: `rss` (RSS 2.0), `atom` (Atom 1.0) or `json` (JSON Feed 1.1).",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"rss", "atom", "json"}))
    public String format;

    @QueryParam("apiKey")
    @Parameter(description = "A partner key, for feed readers that cannot send `Authorization: Bearer <key>`.")
    public String apiKey;

    @Context
    public HttpHeaders headers;

    @Context
    public UriInfo uri;

    FeedFormat feedFormat() {
        return FeedFormat.of(format);
    }
}
