package news.dispatch.mostread;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import news.dispatch.access.ClientAddress;
import news.dispatch.web.ApiResponses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.regex.Pattern;

/** The read beacon apps send when a reader opens an article (docs/decisions/154). */
@Path("/v1/articles")
@Tag(name = "Most read", description = "Anonymous read counts and the most-read articles.")
public class ReadBeaconResource {

    /** User agents of crawlers, link previews and scripts: their beacons are answered but not counted. */
    static final Pattern BOTS = Pattern.compile(
            "(?i).*(bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|headless|lighthouse|python-requests|curl/|wget|scrapy|go-http-client).*");

    private final MostReadService reads;
    private final ClientAddress addresses;

    public ReadBeaconResource(MostReadService reads, ClientAddress addresses) {
        this.reads = reads;
        this.addresses = addresses;
    }

    @POST
    @Path("/{id}/reads")
    @Operation(operationId = "countRead", summary = "Report a read of an article",
            description = "An anonymous beacon: an app sends it, without a body, when a reader opens a published "
                    + "article. No cookie is read or set and nothing about the reader is stored: repeated beacons from one "
                    + "client address for one article within a minute count once (only a salted hash of the two is "
                    + "kept, for that minute), and beacons from crawlers and scripts (by `User-Agent`, or none) are not "
                    + "counted. Rate-limited like every request. Counting never writes to the database "
                    + "(docs/decisions/154).")
    @APIResponse(responseCode = "204", description = "Received (counted or not).")
    @APIResponse(responseCode = "429", ref = ApiResponses.TOO_MANY_REQUESTS)
    public Response read(@PathParam("id") @Parameter(description = "The article's id.") String id,
                         @HeaderParam(HttpHeaders.USER_AGENT) @Parameter(hidden = true) String userAgent,
                         @Context HttpServerRequest request) {
        boolean bot = userAgent == null || userAgent.isBlank() || BOTS.matcher(userAgent).matches();
        reads.read(id, addresses.of(request), bot);
        return Response.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
