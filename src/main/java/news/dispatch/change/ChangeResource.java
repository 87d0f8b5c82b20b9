package news.dispatch.change;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.access.Caller;
import news.dispatch.access.CurrentCaller;
import news.dispatch.cache.ContentCache;
import news.dispatch.cache.Purgeable;
import news.dispatch.web.ApiResponses;
import news.dispatch.web.Params;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

@Path("/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Syndication", description = "Partner sites: feeds, the change feed, ninjs and schema.org formats, webhooks.")
public class ChangeResource {

    private final ChangeFeed feed;
    private final CurrentCaller caller;
    private final Representations representations;
    private final ContentCache cache;
    private final ChangeArticles articles;

    public ChangeResource(ChangeFeed feed, CurrentCaller caller, Representations representations, ContentCache cache,
                          ChangeArticles articles) {
        this.articles = articles;
        this.feed = feed;
        this.caller = caller;
        this.representations = representations;
        this.cache = cache;
    }

    @GET
    @Operation(operationId = "listChanges", summary = "Read the change feed",
            description = "Every publish, update, correction, unpublish, delete, syndication-rights change and embargo lift, in commit "
                    + "order, as far as the caller may see it: an entry appears when the article was visible to the caller "
                    + "before or after the change (partner entitlements, syndication allowed, embargo). A scheduled "
                    + "publication appears when it goes live. Renaming a section, tag or byline, or merging tags, is an "
                    + "`update` of every live article that shows it (docs/decisions/056). Start without `since`, then pass the `next` of each page: "
                    + "it resumes exactly after the last entry covered, so nothing is missed or seen twice. `visible` says "
                    + "what to do: fetch and store the article, or remove the copy. With `include=summary` or "
                    + "`include=article` the page carries the articles itself (delta sync, docs/decisions/151): the "
                    + "last entry of each article on the page holds it as the caller may see it now, so a copy is "
                    + "brought up to date with one request per page.")
    @APIResponse(responseCode = "200", description = "A page of changes.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "304", ref = ApiResponses.NOT_MODIFIED)
    @APIResponse(responseCode = "400", ref = ApiResponses.BAD_REQUEST)
    @APIResponse(responseCode = "406", ref = ApiResponses.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "500", ref = ApiResponses.SERVER_ERROR)
    public Response list(
            @QueryParam("since") @Parameter(description = "The `next` cursor of the previous page; absent: from the beginning.")
            String since,
            @QueryParam("limit") @Parameter(description = "Most entries to return, 1 to 100.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            String limit,
            @QueryParam("include") @Parameter(description = "Embed the articles: `summary` (their summaries) or "
                    + "`article` (also body and corrections) in each page's last entry of every article that is "
                    + "visible to the caller after it. Absent: entries only.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"summary", "article"}))
            String include,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int size = Params.limit(limit, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ChangeArticles.Include embed = ChangeArticles.Include.parse(include);
        long position = since == null ? 0 : ChangeFeed.position(since);
        Caller who = caller.get();
        // Whoever asks: a position moves on as soon as something commits, so caches must always revalidate
        // (by ETag, a cheap 304); the anonymous pages come from the application cache (decisions 050, 062).
        Supplier<Representation> render = () -> {
            ChangePage page = feed.page(position, size, who);
            Representation r = embed == null
                    ? representations.render(page, null, null, null, List.of(Purgeable.CHANGES))
                    : articles.render(page, embed);
            return r.withCacheControl(Representations.PRIVATE_CACHE_CONTROL);
        };
        return representations.respond(headers, cache.get(uri, representations.keyed(headers), render));
    }
}
