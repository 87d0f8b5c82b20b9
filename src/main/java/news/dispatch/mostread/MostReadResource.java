package news.dispatch.mostread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.article.ArticleShape;
import news.dispatch.article.ArticleSummary;
import news.dispatch.text.Slugifier;
import news.dispatch.web.CanonicalRequest;
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
import java.util.Locale;
import java.util.regex.Pattern;

/** The most-read articles (docs/decisions/154). */
@Path("/v1/most-read")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Most read")
public class MostReadResource {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*");

    private final MostReadService reads;
    private final Representations representations;
    private final ObjectMapper json;
    private final String cacheControl;
    /** Public answers, for their max-age: counts change with every read, so no write purges them; they expire. */
    private final Cache<String, Representation> answers;

    public MostReadResource(MostReadService reads, Representations representations, ObjectMapper json, MostReadConfig config) {
        this.reads = reads;
        this.representations = representations;
        this.json = json;
        long seconds = Math.max(1, config.maxAge().toSeconds());
        this.cacheControl = "public, max-age=" + seconds;
        this.answers = Caffeine.newBuilder().expireAfterWrite(config.maxAge()).maximumSize(1_000).build();
    }

    @GET
    @Operation(operationId = "listMostRead", summary = "Most-read articles",
            description = "The published articles read most in the last hour (`1h`, twelve 5-minute buckets) or day "
                    + "(`24h`, twenty-four hourly buckets), most read first, with their read counts, in a section or "
                    + "language or overall; only articles the caller may see (partners' rights apply). Counts come from "
                    + "`POST /v1/articles/{id}/reads`. Cached for a minute (`Cache-Control: public, max-age=60`); "
                    + "answered from this instance's own counts while the shared store (Redis) fails. A section or language "
                    + "nobody read lately answers an empty list.")
    @APIResponse(responseCode = "200", description = "The most-read articles.",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "CacheControl"),
                    @Header(name = "Vary", ref = "Vary")},
            content = @Content(schema = @Schema(implementation = MostReadPage.class)))
    public Response list(@QueryParam("window") @Parameter(description = "`1h` or `24h`.",
                                 schema = @Schema(type = SchemaType.STRING, enumeration = {"1h", "24h"}, defaultValue = "24h")) String window,
                         @QueryParam("section") @Parameter(description = "Only this section's articles (its slug).",
                                 example = "politics") String section,
                         @QueryParam("lang") @Parameter(description = "Only articles in this language (BCP 47). Without it, "
                                 + "`Accept-Language` may choose one of the outlet's languages, as on article lists.",
                                 example = "en") String lang,
                         @QueryParam("limit") @Parameter(description = "How many at most, 1 to " + MostReadService.MAX_LIMIT + ".",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "10")) String limit,
                         @QueryParam("fields") @Parameter(description = "Comma-separated summary members to return, "
                                 + "e.g. `headline,slug,leadImage`. Unknown names are a 400.") String fields,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        Window w = window == null ? Window.DAY : Window.parse(window);
        if (w == null) {
            errors.add(new FieldError("window", "must be 1h or 24h"));
        }
        if (section != null && !Slugifier.isValid(section)) {
            errors.add(new FieldError("section", "must be a section's slug"));
        }
        if (lang != null && !LANGUAGE.matcher(lang).matches()) {
            errors.add(new FieldError("lang", "must be a BCP 47 language tag such as en or ckb"));
        }
        int size = Params.limit(limit, 10, MostReadService.MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ArticleShape shape = ArticleShape.parse(ArticleShape.given(fields, "fields", uri), null, ArticleShape.Context.LIST, List.of());
        String language = lang == null ? null : Locale.forLanguageTag(lang).toLanguageTag();
        if (representations.keyed(headers)) {
            return representations.respond(headers, render(w, section, language, size, shape));
        }
        Representation r = answers.get(CanonicalRequest.current(), k -> render(w, section, language, size, shape));
        return representations.respond(headers, r);
    }

    private Representation render(Window window, String section, String language, int limit, ArticleShape shape) {
        ObjectNode body = json.createObjectNode();
        body.put("window", window.value());
        ArrayNode items = body.putArray("items");
        for (MostReadService.Ranked r : reads.top(window, section, language, limit, shape)) {
            ObjectNode item = items.addObject();
            item.put("reads", r.reads());
            JsonNode article = json.valueToTree(r.article());
            shape.apply(article);
            item.set("article", article);
        }
        return representations.render(body, null, null, null, List.of()).withCacheControl(cacheControl).withLanguage(language);
    }

    @Schema(name = "MostReadPage", description = "The most-read articles of a window, most read first.")
    public record MostReadPage(
            @Schema(enumeration = {"1h", "24h"}, examples = "24h") String window,
            List<MostReadItem> items) {
    }

    @Schema(name = "MostReadItem", description = "An article and how often it was read in the window.")
    public record MostReadItem(
            @Schema(description = "Reads counted in the window (repeats within a minute and bots not counted).",
                    examples = "1234") long reads,
            @Schema(description = "The article's summary (trimmed by `fields`).") ArticleSummary article) {
    }
}
