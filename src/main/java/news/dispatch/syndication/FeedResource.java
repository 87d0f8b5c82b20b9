package news.dispatch.syndication;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import news.dispatch.cache.CachedReads;
import news.dispatch.web.CanonicalRequest;
import news.dispatch.web.PublicUrl;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.function.Supplier;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest articles. The extension in the path picks the
 * format (feed readers send all sorts of Accept headers), so these operations ignore Accept.
 * {@code apiKey} is declared ({@link FeedParams}) so that feed readers, which cannot set headers, can
 * pass a key; the access filter reads it. Every feed answers as the class-level 200 describes.
 */
@Path("/v1/feeds")
@Tag(name = "Syndication", description = "Partner sites: feeds, the change feed, ninjs and schema.org formats, webhooks.")
@APIResponse(responseCode = "200", description = "The feed.",
        headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "CacheControl"),
                @Header(name = "Content-Language", ref = "ContentLanguage")},
        content = {
                @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING,
                        description = "RSS 2.0 with the Media RSS module (http://search.yahoo.com/mrss/)."),
                        examples = @ExampleObject(name = "rss", value = FeedResource.RSS_EXAMPLE)),
                @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING,
                        description = "Atom 1.0 (RFC 4287)."),
                        examples = @ExampleObject(name = "atom", value = FeedResource.ATOM_EXAMPLE)),
                @Content(mediaType = "application/feed+json", schema = @Schema(type = SchemaType.OBJECT,
                        description = "JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."),
                        examples = @ExampleObject(name = "json", value = FeedResource.JSON_FEED_EXAMPLE))})
public class FeedResource {

    static final String RSS_EXAMPLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>Dispatch: latest</title><link>https://www.example.com/</link><description>The newest stories</description><item><title>Iraqi prime minister to meet Biden in Washington this month</title><link>https://www.example.com/articles/iraqi-prime-minister-to-meet-biden-in-washington-this-month</link><description>Kadhimi has been invited to Washington to complete the strategic dialogue.</description><pubDate>Sat, 10 Jul 2021 09:30:00 GMT</pubDate><media:content url=\"https://www.example.com/media/2021/07/mustafa-al-kadhimi.jpg\" medium=\"image\"><media:description>Iraqi Prime Minister Mustafa al-Kadhimi</media:description><media:credit>PM office</media:credit></media:content></item></channel></rss>";
    static final String ATOM_EXAMPLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Dispatch: latest</title><id>urn:dispatch:feed:latest</id><updated>2021-07-10T09:30:00Z</updated><entry><title>Iraqi prime minister to meet Biden in Washington this month</title><id>urn:uuid:01a21ee6-5edd-7789-b10d-a3a50df7dbeb</id><updated>2021-07-10T09:30:00Z</updated><summary>Kadhimi has been invited to Washington to complete the strategic dialogue.</summary></entry></feed>";
    static final String JSON_FEED_EXAMPLE = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Dispatch: latest\",\"items\":[{\"id\":\"01a21ee6-5edd-7789-b10d-a3a50df7dbeb\",\"url\":\"https://www.example.com/articles/iraqi-prime-minister-to-meet-biden-in-washington-this-month\",\"title\":\"Iraqi prime minister to meet Biden in Washington this month\",\"summary\":\"Kadhimi has been invited to Washington to complete the strategic dialogue.\",\"date_published\":\"2021-07-10T09:30:00Z\"}]}";


    private final FeedService feeds;
    private final CachedReads reads;
    private final PublicUrl publicUrl;

    public FeedResource(FeedService feeds, CachedReads reads, PublicUrl publicUrl) {
        this.feeds = feeds;
        this.reads = reads;
        this.publicUrl = publicUrl;
    }

    /**
     * The feed's own URL: the public origin, the path and the language, never the rest of the query (a key never ends
     * up inside a feed).
     */
    private String self(FeedParams feed) {
        String canonical = CanonicalRequest.current();
        String language = feed.language();
        return publicUrl.of(canonical.substring(0, canonical.indexOf('?'))) + (language == null ? "" : "?lang=" + language);
    }

    @GET
    @Path("/latest.{format: rss|atom|json}")
    @Operation(operationId = "getLatestFeed", summary = "Feed of the latest articles",
            description = "The newest published articles (50) as RSS 2.0, Atom 1.0 or JSON Feed 1.1. Entries carry the full "
                    + "text only for partner keys allowed it, a summary otherwise; the lead image comes with caption and "
                    + "credit (Media RSS in RSS and Atom, `image` plus `_dispatch.leadImage` in JSON Feed) where the image's own "
                    + "rights allow syndication (below editor; else the story comes without it). Stories whose "
                    + "syndication is not allowed, still embargoed, or outside the key's entitlements are left out.")
    public Response latest(@BeanParam FeedParams feed) {
        return respond(feed, () -> feeds.latest(feed.feedFormat(), feed.language(), self(feed)));
    }

    @GET
    @Path("/sections/{slug}.{format: rss|atom|json}")
    @Operation(operationId = "getSectionFeed", summary = "Feed of a section",
            description = "As the latest feed, for the articles of one section.")
    public Response section(@PathParam("slug") @Parameter(description = "The section's slug or id.", example = "world") String slug,
                            @BeanParam FeedParams feed) {
        return respond(feed, () -> feeds.section(slug, feed.feedFormat(), feed.language(), self(feed)));
    }

    @GET
    @Path("/tags/{slug}.{format: rss|atom|json}")
    @Operation(operationId = "getTagFeed", summary = "Feed of a tag",
            description = "As the latest feed, for the articles carrying one tag.")
    public Response tag(@PathParam("slug") @Parameter(description = "The tag's slug or id.", example = "iraq") String slug,
                        @BeanParam FeedParams feed) {
        return respond(feed, () -> feeds.tag(slug, feed.feedFormat(), feed.language(), self(feed)));
    }

    @GET
    @Path("/bylines/{slug}.{format: rss|atom|json}")
    @Operation(operationId = "getBylineFeed", summary = "Feed of a byline",
            description = "As the latest feed, for the articles credited to one byline.")
    public Response byline(@PathParam("slug") @Parameter(description = "The byline's slug or id.", example = "esta") String slug,
                           @BeanParam FeedParams feed) {
        return respond(feed, () -> feeds.byline(slug, feed.feedFormat(), feed.language(), self(feed)));
    }

    /**
     * Public feeds come from the application cache (decision 062): a hit costs no SQL and no rendering.
     * Keyed requests (a partner's header or {@code ?apiKey=}) are rendered for that caller every time.
     */
    private Response respond(FeedParams feed, Supplier<FeedService.Rendered> load) {
        Supplier<Representation> render = () -> {
            FeedService.Rendered rendered = load.get();
            return Representations.of(rendered.body(), rendered.mediaType(), rendered.lastModified(), null, null, rendered.keys())
                    .withLanguage(feed.language());
        };
        return reads.respond(feed.headers, feed.uri, render);
    }
}
