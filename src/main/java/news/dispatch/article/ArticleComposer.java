package news.dispatch.article;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.cache.ContentCache;
import news.dispatch.common.ApiEnum;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Puts a cached story's page together again when a story it shows only as a summary (in its navigation or related
 * posts) changed, instead of computing it anew (decision 173): the new summary is read once per change and written
 * into every page that shows it, in place of the old one; the rest of the page's bytes stay as they were. Its body
 * and ETag are byte for byte what computing the page now would give; decision 173 says where its Last-Modified and
 * Surrogate-Key may say a little more than that.
 * <p>
 * Only what a summary shows can change this way: a write that moves a story in or out of a page's navigation or
 * related posts (its status, time, section, language, tags, rights) invalidates keys the page carries itself, which
 * drop it (decision 086).
 */
@Startup
@ApplicationScoped
public class ArticleComposer {

    /** The stories whose new summary is kept for the pages that show them: those edited lately. */
    static final int SUMMARIES = 1_000;

    private final ContentCache cache;
    private final ArticleService service;
    private final Representations representations;
    private final ObjectMapper json;
    /** Summaries read since their story last changed, with the sequence number read before them. */
    private final Cache<UUID, Held> summaries = Caffeine.newBuilder().maximumSize(SUMMARIES).build();

    private record Held(ArticleService.Shown shown, long sequence) {
    }

    /** A summary inside a page: where its object starts and ends, whose it is, and as what it is shown. */
    private record Segment(int start, int end, UUID id, Relation relation) {
    }

    public ArticleComposer(ContentCache cache, ArticleService service, Representations representations, ObjectMapper json) {
        this.cache = cache;
        this.service = service;
        this.representations = representations;
        this.json = json;
        cache.composeWith(this::compose);
    }

    ContentCache.Composed compose(Representation kept, List<String> changed) {
        Map<UUID, ArticleService.Shown> now = new HashMap<>();
        Map<String, Long> readAt = new HashMap<>();
        for (String key : changed) {
            UUID id = Article.idOf(key);
            if (id == null) {
                return null;
            }
            Held held = summaries.getIfPresent(id);
            if (held == null || cache.changedSince(key, held.sequence())) {
                long at = cache.generation(); // before the data: a write after it makes what is read here stale
                Optional<ArticleService.Shown> shown = service.shown(id);
                if (shown.isEmpty()) {
                    return null;
                }
                held = new Held(shown.get(), at);
                summaries.put(id, held);
            }
            now.put(id, held.shown());
            readAt.put(key, held.sequence());
        }
        byte[] body = kept.body();
        List<Segment> segments = segments(body);
        if (segments == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 256);
        Set<UUID> written = new LinkedHashSet<>();
        int from = 0;
        for (Segment segment : segments) {
            ArticleService.Shown shown = now.get(segment.id());
            if (shown == null) {
                continue;
            }
            out.write(body, from, segment.start() - from);
            out.writeBytes(representations.serialize(segment.relation() == null ? shown.summary()
                    : new RelatedArticle(shown.summary(), segment.relation())));
            from = segment.end();
            written.add(segment.id());
        }
        if (!written.equals(now.keySet())) {
            return null; // a summary to change is not in the page (any more)
        }
        out.write(body, from, body.length - from);

        Instant lastModified = kept.lastModified();
        Set<String> keys = new LinkedHashSet<>();
        if (kept.surrogateKey() != null) {
            keys.addAll(Arrays.asList(kept.surrogateKey().split(" ")));
        }
        Set<String> shows = new LinkedHashSet<>();
        for (ArticleService.Shown shown : now.values()) {
            if (lastModified != null && shown.lastModified() != null && shown.lastModified().isAfter(lastModified)) {
                lastModified = shown.lastModified();
            }
            Set<String> its = ArticleResponses.purgeKeys(shown.summary());
            keys.addAll(its);
            its.remove(Article.key(shown.summary().id()));
            shows.addAll(its);
        }
        Representation page = Representations.of(out.toByteArray(), kept.mediaType(), lastModified, version(kept.etag()),
                kept.link(), keys).withLanguage(kept.language());
        return new ContentCache.Composed(kept.cacheControl() == null ? page : page.withCacheControl(kept.cacheControl()),
                readAt, shows);
    }

    /** The version in an ETag {@code "<version>.<hash>"}, or null for one without. */
    static Long version(String etag) {
        int dot = etag.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            return Long.parseLong(etag.substring(1, dot));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The summaries a story's page shows in its navigation ({@code previous}, {@code next}) and related posts, in the
     * order of the page's bytes; null when the page is not shaped so.
     */
    private List<Segment> segments(byte[] body) {
        List<Segment> segments = new ArrayList<>(8);
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("navigation".equals(name) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        if (parser.nextToken() == JsonToken.START_OBJECT) {
                            Segment segment = segment(parser, body, false);
                            if (segment == null) {
                                return null;
                            }
                            segments.add(segment);
                        }
                    }
                } else if ("related".equals(name) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        Segment segment = segment(parser, body, true);
                        if (segment == null) {
                            return null;
                        }
                        segments.add(segment);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return segments;
    }

    /** The summary object the parser is at the start of, read to its end. */
    private static Segment segment(JsonParser parser, byte[] body, boolean related) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        UUID id = null;
        Relation relation = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if ("id".equals(name)) {
                id = UUID.fromString(parser.getText());
            } else if (related && "relation".equals(name)) {
                relation = ApiEnum.parse(Relation.class, parser.getText()).orElse(null);
            } else {
                parser.skipChildren();
            }
        }
        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
        if (id == null || (related && relation == null) || start < 0 || body[start] != '{' || body[end - 1] != '}') {
            return null;
        }
        return new Segment(start, end, id, relation);
    }
}
