package news.dispatch.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.access.CurrentCaller;
import news.dispatch.cache.ContentCache;
import news.dispatch.cache.Purgeable;
import news.dispatch.web.Page;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns article results into responses: trims them to the requested shape, names what they show
 * in {@code Surrogate-Key}, and serves public article lists and articles from {@link ContentCache}. Used by every
 * operation that returns articles (articles, the articles of a section, tag or byline, search,
 * related posts).
 */
@ApplicationScoped
public class ArticleResponses {

    /** Surrogate key of every article list: purge it when an article enters or leaves the public lists. */
    public static final String LISTS_KEY = Purgeable.LISTS;

    private final Representations representations;
    private final ContentCache cache;
    private final ObjectMapper json;
    private final LatestChange changes;
    private final CurrentCaller caller;

    public ArticleResponses(Representations representations, ContentCache cache, ObjectMapper json, LatestChange changes,
                            CurrentCaller caller) {
        this.representations = representations;
        this.cache = cache;
        this.json = json;
        this.changes = changes;
        this.caller = caller;
    }

    /**
     * An article list. Public requests are answered from the application cache when it has the same
     * request (path and query) of the current generation: no SQL then. {@code load} must do every
     * database access (including resolving the path's section, tag or byline).
     */
    public Response list(HttpHeaders headers, UriInfo uri, ArticleShape shape, Supplier<? extends Page<?>> load) {
        return list(headers, uri, shape, null, load);
    }

    /** As {@link #list(HttpHeaders, UriInfo, ArticleShape, Supplier)}, with one more purge key of the list's family, or null. */
    public Response list(HttpHeaders headers, UriInfo uri, ArticleShape shape, String family, Supplier<? extends Page<?>> load) {
        Supplier<Representation> render = () -> {
            // Read before the page, so Last-Modified is never newer than what the page shows. Search results have none:
            // revalidated by ETag, they keep to the statements of decision 140.
            Instant lastModified = Purgeable.SEARCH.equals(family) ? null : lastModified();
            return renderPage(uri, shape, load.get(), lastModified, family);
        };
        return representations.respond(headers, cache.get(uri, representations.keyed(headers), render));
    }

    /**
     * A single article, or a list that belongs to one (its related posts). Public requests are answered
     * from the application cache like lists; {@code load} does every database access, and an article
     * that moved to another slug answers {@code moved} (not cached: the redirect is cheap and rare).
     */
    public Response article(HttpHeaders headers, UriInfo uri, Supplier<ArticleService.Lookup> load,
                            Function<ArticleService.Lookup, Representation> render, Function<String, Response> moved) {
        boolean cacheable = !representations.keyed(headers);
        String request = ContentCache.requestKey(uri);
        long generation = cache.generation();
        Representation hit = cacheable ? cache.find(generation, request) : null;
        if (hit != null) {
            return representations.respond(headers, hit);
        }
        Representation refreshed = cacheable ? cache.awaitRefresh(request) : null; // being computed again (ArticleRefresh)
        if (refreshed != null) {
            return representations.respond(headers, refreshed);
        }
        Representation composed = cacheable ? cache.compose(request, true) : null; // only a summary it shows changed
        if (composed != null) {
            return representations.respond(headers, composed);
        }
        ArticleService.Lookup lookup = load.get();
        if (lookup.movedTo() != null) {
            return moved.apply(lookup.movedTo());
        }
        Representation r = render.apply(lookup);
        if (cacheable) {
            // the page of a story (not its related posts, nor a trimmed variant) is computed again as soon as the story changes
            boolean kept = ArticleRefresh.slugOf(request) != null
                    ? keep(generation, request, r, lookup)
                    : cache.put(generation, request, r);
            if (!kept) {
                r = ContentCache.unshared(r);
            }
        }
        return representations.respond(headers, r);
    }

    /**
     * A preview (docs/decisions/152): never looked up in nor put into the application cache, and {@code private,
     * no-store}, so no shared cache, CDN or browser keeps it; no purge keys either (nothing is cached to purge).
     */
    public Response respondPreview(HttpHeaders headers, ArticleShape shape, ArticleService.Lookup lookup) {
        JsonNode tree = json.valueToTree(lookup.article());
        shape.apply(tree);
        Representation r = representations.render(tree, null, lookup.version(), null, java.util.List.of())
                .withCacheControl(PREVIEW_CACHE_CONTROL).withLanguage(lookup.article().summary().language());
        return representations.respond(headers, r);
    }

    /** The Cache-Control of a preview. */
    public static final String PREVIEW_CACHE_CONTROL = "private, no-store";

    /** The article's representation (its ETag carries the version, so If-Match on writes can compare it). */
    public Representation renderArticle(ArticleShape shape, ArticleService.Lookup lookup) {
        Set<String> keys = purgeKeys(lookup.article());
        keys.addAll(lookup.dependsOn());
        // The whole article (the default) is written as it is; a trimmed one goes through a JSON tree first, which
        // costs about as much again as writing it.
        Object body = lookup.article();
        if (shape.trims()) {
            JsonNode tree = json.valueToTree(body);
            shape.apply(tree);
            body = tree;
        }
        return representations.render(body, lookup.lastModified(), lookup.version(), null, keys)
                .withLanguage(lookup.article().summary().language());
    }

    /**
     * Keeps a story's canonical page, computed under {@code generation}: computed again at once when the story changes
     * (its subject, decision 086), and put together again with the new summary when a story it shows only in its
     * navigation or related posts changes (decision 173). True when it was kept.
     */
    boolean keep(long generation, String request, Representation page, ArticleService.Lookup lookup) {
        return cache.put(generation, request, page, ArticleRefresh.ROUTE, Article.key(lookup.article().summary().id()),
                summaryOnlyKeys(lookup.article()));
    }

    /**
     * The {@code article-<id>} keys of the stories a page shows only as summaries in its navigation and related
     * posts, and nowhere else (not as a translation, say); each summary's other keys (its section, tags, bylines,
     * translations, lead image) stay keys that drop the page.
     */
    static Set<String> summaryOnlyKeys(ArticleView view) {
        List<ArticleSummary> nested = new ArrayList<>();
        if (view.navigation() != null) {
            Stream.of(view.navigation().previous(), view.navigation().next()).filter(Objects::nonNull).forEach(nested::add);
        }
        if (view.related() != null) {
            view.related().forEach(r -> nested.add(r.article()));
        }
        if (nested.isEmpty()) {
            return Set.of();
        }
        Set<String> others = new HashSet<>();
        addKeys(view.summary(), others);
        Set<String> own = new LinkedHashSet<>();
        for (ArticleSummary summary : nested) {
            Set<String> keys = purgeKeys(summary);
            String key = Article.key(summary.id());
            keys.remove(key);
            others.addAll(keys);
            own.add(key);
        }
        own.removeAll(others);
        return own;
    }

    /** A list of one page that is not a collection of its own (an article's related posts). */
    public Representation renderList(UriInfo uri, ArticleShape shape, Page<?> page) {
        return renderPage(uri, shape, page, null, null);
    }

    /**
     * The time of the latest change-feed entry, the {@code Last-Modified} of lists of live articles (decision 103);
     * none for editors, whose lists may hold drafts, which write no entries.
     */
    private Instant lastModified() {
        return caller.get().isEditor() ? null : changes.lastChangeAt();
    }

    private Representation renderPage(UriInfo uri, ArticleShape shape, Page<?> page, Instant lastModified, String family) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(LISTS_KEY);
        if (family != null) {
            keys.add(family);
        }
        keys.addAll(purgeKeys(page));
        // As for the article: through a JSON tree only when the items must be trimmed member by member.
        Object body = shape.untrimmed(page);
        if (body == null) {
            JsonNode tree = json.valueToTree(page);
            shape.applyToItems(tree);
            body = tree;
        }
        return representations.render(body, lastModified, null, Representations.nextLink(uri, page.page()), keys)
                .withLanguage(ArticleQuery.languageTag(uri.getQueryParameters().getFirst("lang")));
    }

    /**
     * The purge keys of everything a response shows (decision 086), from the records it is made of, never from its JSON:
     * {@code article-<id>} for every article shown (navigation, related posts and translations included),
     * {@code section-<slug>}, {@code tag-<slug>} and {@code byline-<slug>} for what each of them carries, and
     * {@code image-<id>} for each uploaded image shown (lead images, the body's images).
     */
    public static Set<String> purgeKeys(Object shown) {
        Set<String> keys = new LinkedHashSet<>();
        addKeys(shown, keys);
        return keys;
    }

    private static void addKeys(Object shown, Set<String> keys) {
        if (shown instanceof Page<?> page) {
            page.items().forEach(item -> addKeys(item, keys));
        } else if (shown instanceof Iterable<?> items) {
            items.forEach(item -> addKeys(item, keys));
        } else if (shown instanceof ArticleView view) {
            addKeys(view.summary(), keys);
            if (view.navigation() != null) {
                addKeys(view.navigation().previous(), keys);
                addKeys(view.navigation().next(), keys);
            }
            if (view.related() != null) {
                view.related().forEach(r -> addKeys(r.article(), keys));
            }
            if (view.images() != null) {
                view.images().forEach(i -> keys.add(Purgeable.imageKey(i.imageId())));
            }
        } else if (shown instanceof ArticleSummary a) {
            keys.add(Article.key(a.id()));
            if (a.leadImage() != null && a.leadImage().imageId() != null) {
                keys.add(Purgeable.imageKey(a.leadImage().imageId()));
            }
            if (a.section() != null) {
                keys.add("section-" + a.section().slug());
            }
            a.tags().forEach(t -> keys.add("tag-" + t.slug()));
            a.bylines().forEach(b -> keys.add("byline-" + b.slug()));
            if (a.translations() != null) {
                a.translations().forEach(t -> keys.add(Article.key(t.id())));
            }
        } else if (shown instanceof RelatedArticle r) {
            addKeys(r.article(), keys);
        } else if (shown instanceof ShowsArticle item) {
            addKeys(item.article(), keys);
        } else if (shown != null) {
            throw new IllegalArgumentException("No purge keys for " + shown.getClass().getName());
        }
    }
}
