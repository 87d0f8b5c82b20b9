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
import news.dispatch.cache.CachedReads;
import news.dispatch.cache.Purgeable;
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
    private final CachedReads reads;
    private final ChangeArticles articles;
    private final ChangeWaiters waiters;

    /** The longest a long poll waits (decision 163). */
    static final int MAX_WAIT_SECONDS = 60;

    public ChangeResource(ChangeFeed feed, CurrentCaller caller, Representations representations, CachedReads reads,
                          ChangeArticles articles, ChangeWaiters waiters) {
        this.waiters = waiters;
        this.articles = articles;
        this.feed = feed;
        this.caller = caller;
        this.representations = representations;
        this.reads = reads;
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
                    + "brought up to date with one request per page. With `wait` (seconds, at most 60) a request that "
                    + "finds nothing new for the caller is held until a change it may see commits or the time is up "
                    + "(then an empty page with the same `next`): a long poll, which holds no thread nor database "
                    + "connection while it waits (docs/decisions/163).")
    @APIResponse(responseCode = "200", description = "A page of changes.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @io.smallrye.common.annotation.Blocking
    public io.smallrye.mutiny.Uni<Response> list(
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
            @QueryParam("wait") @Parameter(description = "Long poll: hold the request up to this many seconds (1 to 60) "
                    + "until a change the caller may see commits. Absent or 0: answer at once.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "60", defaultValue = "0"))
            String wait,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int size = Params.limit(limit, errors);
        int waitSeconds = waitSeconds(wait, errors);
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
        if (waitSeconds > 0) {
            // never from (nor into) the application cache: an empty answer must not be served at once to the next poll
            return poll(position, size, who, embed, headers, System.nanoTime() + waitSeconds * 1_000_000_000L);
        }
        return io.smallrye.mutiny.Uni.createFrom().item(
                reads.respond(headers, uri, render));
    }

    /**
     * Reads the page; when it has nothing for the caller, waits (no thread, no connection) for the next change feed
     * invalidation or the deadline, then reads on from where the empty page ended. The waiter is armed before the read,
     * so a change committed during the read wakes it at once.
     */
    private io.smallrye.mutiny.Uni<Response> poll(long position, int size, Caller who, ChangeArticles.Include embed,
                                                  HttpHeaders headers, long deadline) {
        long left = deadline - System.nanoTime();
        ChangeWaiters.Waiter waiter = waiters.arm(java.time.Duration.ofNanos(Math.max(left, 1)));
        ChangePage page;
        try {
            page = feed.page(position, size, who);
        } catch (RuntimeException e) {
            waiter.cancel();
            throw e;
        }
        if (!page.items().isEmpty() || left <= 0) {
            waiter.cancel();
            return io.smallrye.mutiny.Uni.createFrom().item(respond(page, embed, headers));
        }
        long next = ChangeFeed.position(page.next());
        var requestContext = io.quarkus.arc.Arc.container().requestContext();
        var state = requestContext.getState();
        return waiter.changed()
                .emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .flatMap(changed -> {
                    requestContext.activate(state);
                    try {
                        return changed && System.nanoTime() < deadline
                                ? poll(next, size, who, embed, headers, deadline)
                                : io.smallrye.mutiny.Uni.createFrom().item(respond(page, embed, headers));
                    } finally {
                        requestContext.deactivate();
                    }
                });
    }

    /** Seconds to wait: absent or 0 → none; otherwise a whole number 1..60 in its one spelling. */
    static int waitSeconds(String value, List<FieldError> errors) {
        if (value == null || value.equals("0")) {
            return 0;
        }
        if (value.length() <= 2 && value.charAt(0) != '0' && value.chars().allMatch(c -> c >= '0' && c <= '9')
                && Integer.parseInt(value) <= MAX_WAIT_SECONDS) {
            return Integer.parseInt(value);
        }
        errors.add(new FieldError("wait", "must be a whole number of seconds from 0 to " + MAX_WAIT_SECONDS));
        return 0;
    }

    private Response respond(ChangePage page, ChangeArticles.Include embed, HttpHeaders headers) {
        Representation r = embed == null
                ? representations.render(page, null, null, null, List.of(Purgeable.CHANGES))
                : articles.render(page, embed);
        return representations.respond(headers, r.withCacheControl(Representations.PRIVATE_CACHE_CONTROL));
    }
}
