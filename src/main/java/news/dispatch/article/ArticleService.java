package news.dispatch.article;

import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.access.Caller;
import news.dispatch.access.CurrentCaller;
import news.dispatch.access.Rights;
import news.dispatch.byline.Byline;
import news.dispatch.common.Ids;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** The read side of articles: lists, the full article with navigation and related posts. */
@ApplicationScoped
public class ArticleService {

    private final ArticleRepository articles;
    private final ArticleMapper mapper;
    private final ArticleConfig config;
    private final CurrentCaller caller;
    private final Clock clock;

    public ArticleService(ArticleRepository articles, ArticleMapper mapper, ArticleConfig config, CurrentCaller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
        this.articles = articles;
        this.mapper = mapper;
        this.config = config;
    }

    /** Where a list is scoped by its path: the articles of a section, tag or byline. */
    public record Scope(Section section, Tag tag, Byline byline) {
        public static final Scope NONE = new Scope(null, null, null);
    }

    /**
     * The outcome of a lookup by slug or id: the article, or the slug it now has; {@code dependsOn} names the purge keys
     * of what its navigation and related posts were chosen from (decision 086).
     */
    public record Lookup(ArticleView article, String movedTo, Instant lastModified, long version, Set<String> dependsOn) {
    }

    @ReadOnlyTransaction(replica = true)
    public Page<ArticleSummary> list(ArticleQuery q, Scope scope) {
        Page<ArticleView> page = list(q, scope, ArticleShape.full(ArticleShape.Context.LIST));
        return new Page<>(page.items().stream().map(ArticleView::summary).toList(), page.page());
    }

    /** A list as the current caller may see it on this channel (partner keys and syndication formats obey the rights). */
    @ReadOnlyTransaction(replica = true)
    public Page<ArticleSummary> list(ArticleQuery q, Scope scope, Rights.Channel channel) {
        Page<ArticleView> page = list(q, scope, ArticleShape.full(ArticleShape.Context.LIST), channel);
        return new Page<>(page.items().stream().map(ArticleView::summary).toList(), page.page());
    }

    @ReadOnlyTransaction(replica = true)
    public Page<ArticleView> list(ArticleQuery q, Scope scope, ArticleShape shape) {
        return list(q, scope, shape, Rights.Channel.READ);
    }

    /**
     * A page of articles with the optional parts the shape asks for ({@code body}, {@code corrections});
     * the others are null. Costs the same statements whatever the page size: the page (with its bodies when
     * included), then its bylines and tags (and corrections when included) in one statement, plus the filter's
     * slug look-ups and the count (docs/decisions/140).
     * Partner keys, and everyone below editor on the syndication channel, get what the rights allow.
     */
    @ReadOnlyTransaction(replica = true)
    public Page<ArticleView> list(ArticleQuery q, Scope scope, ArticleShape shape, Rights.Channel channel) {
        ArticleRepository.Filter filter = filter(q, scope).with(rights(channel));
        ArticleCursors.Key after = q.cursor() == null ? null : ArticleCursors.key(q.cursor());
        boolean withBody = shape.has(ArticleShape.Part.BODY);
        List<ArticleRepository.Row> rows = articles.findPublishedPage(filter, q.sort(), after, q.limit() + 1, withBody);
        boolean more = rows.size() > q.limit();
        List<ArticleRepository.Row> page = more ? rows.subList(0, q.limit()) : rows;
        String next = more ? ArticleCursors.after(q.sort(), page.get(page.size() - 1).article()).encode() : null;
        return new Page<>(views(page, shape, channel), new PageInfo(q.limit(), next, q.count() ? articles.countPublished(filter) : null));
    }

    /**
     * A page's articles as list items, in its order, with the parts the shape asks for among body (read with the page)
     * and corrections: one statement for the summaries' bylines and tags (and corrections) whatever the number of articles.
     */
    private List<ArticleView> views(List<ArticleRepository.Row> page, ArticleShape shape, Rights.Channel channel) {
        boolean withCorrections = shape.has(ArticleShape.Part.CORRECTIONS);
        ArticleRepository.Parts parts = articles.findParts(page.stream().map(r -> r.article().id).toList(), false, withCorrections);
        // no statement unless an article of the page has translations
        Map<UUID, List<Article>> translations = articles.findTranslations(page.stream().map(ArticleRepository.Row::article).toList());
        return page.stream().map(r -> view(r.article(), r.body(), parts, withCorrections, translations, channel)).toList();
    }

    private ArticleView view(Article a, Body body, ArticleRepository.Parts parts, boolean withCorrections,
                             Map<UUID, List<Article>> translations, Rights.Channel channel) {
        ArticleMapper.Inline inline = mapper.inlineImages(body, channel);
        return new ArticleView(summary(a, parts.bylines(), parts.tags(), translations, channel), inline.body(),
                withCorrections ? mapper.corrections(parts.corrections().getOrDefault(a.id, List.of())) : null, null, null,
                inline.images());
    }

    /**
     * Visible articles by id as list items, in the order of the ids (ids of invisible articles are skipped): one
     * statement, and one more for their bodies when the shape asks for them.
     */
    @ReadOnlyTransaction(replica = true)
    public List<ArticleView> viewsById(List<UUID> ids, ArticleShape shape) {
        return viewsById(ids, shape, Rights.Channel.READ);
    }

    /** As {@link #viewsById(List, ArticleShape)}, with the images the current caller receives on this channel. */
    @ReadOnlyTransaction(replica = true)
    public List<ArticleView> viewsById(List<UUID> ids, ArticleShape shape, Rights.Channel channel) {
        boolean withCorrections = shape.has(ArticleShape.Part.CORRECTIONS);
        ArticleRepository.Parts parts = articles.findParts(ids, true, withCorrections);
        Map<UUID, Body> bodies = shape.has(ArticleShape.Part.BODY) ? articles.findBodies(ids) : Map.of();
        List<Article> shown = ids.stream().map(id -> parts.rows().get(id))
                .filter(a -> a != null && a.status == ArticleStatus.PUBLISHED && a.deletedAt == null).toList();
        Map<UUID, List<Article>> translations = articles.findTranslations(shown);
        return shown.stream().map(a -> view(a, bodies.get(a.id), parts, withCorrections, translations, channel)).toList();
    }

    /**
     * A batch read ({@code GET /v1/articles?ids=…}): the published articles named by these ids or slugs that the current
     * caller may see on the article API, in the order named, each once (at the first key that names it), with the
     * parts the shape asks for; the keys that name none of them are {@code page.missing}. Two statements whatever
     * the number of keys: the rows (with their bodies when included), then their credits and tags (and corrections);
     * a third only when one of them has translations (docs/decisions/150).
     */
    @ReadOnlyTransaction(replica = true)
    public Page<ArticleView> batch(List<String> keys, ArticleShape shape) {
        List<UUID> ids = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        keys.forEach(key -> Ids.parse(key).ifPresentOrElse(ids::add, () -> slugs.add(key)));
        List<ArticleRepository.Row> rows = articles.findVisibleByIdsOrSlugs(ids, slugs, rights(Rights.Channel.READ),
                shape.has(ArticleShape.Part.BODY));
        Map<UUID, ArticleRepository.Row> byId = new java.util.HashMap<>();
        Map<String, ArticleRepository.Row> bySlug = new java.util.HashMap<>();
        rows.forEach(r -> {
            byId.put(r.article().id, r);
            bySlug.put(r.article().slug, r);
        });
        List<ArticleRepository.Row> shown = new ArrayList<>();
        Set<UUID> added = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            Optional<UUID> id = Ids.parse(key);
            ArticleRepository.Row row = id.isPresent() ? byId.get(id.get()) : bySlug.get(key);
            if (row == null) {
                missing.add(key);
            } else if (added.add(row.article().id)) {
                shown.add(row);
            }
        }
        return new Page<>(views(shown, shape, Rights.Channel.READ), new PageInfo(keys.size(), null, null, List.copyOf(missing)));
    }

    /**
     * The articles of these ids that the current caller may see on this channel now, by id, with the parts the shape
     * asks for among body and corrections; the others are left out. Two statements whatever their number (a third
     * when one has translations): what a change-feed page embeds with {@code include} (docs/decisions/151).
     */
    @ReadOnlyTransaction(replica = true)
    public Map<UUID, ArticleView> visibleById(Collection<UUID> ids, ArticleShape shape, Rights.Channel channel) {
        List<ArticleRepository.Row> rows = articles.findVisibleByIdsOrSlugs(ids, List.of(), rights(channel),
                shape.has(ArticleShape.Part.BODY));
        Map<UUID, ArticleView> result = new java.util.LinkedHashMap<>();
        views(rows, shape, channel).forEach(v -> result.put(v.summary().id(), v));
        return result;
    }

    @ReadOnlyTransaction(replica = true)
    public Lookup get(String slugOrId) {
        return get(slugOrId, ArticleShape.full(ArticleShape.Context.ARTICLE), Rights.Channel.READ);
    }

    /** The article with the parts the shape asks for; parts left out are null and cost no statement. */
    @ReadOnlyTransaction(replica = true)
    public Lookup get(String slugOrId, ArticleShape shape) {
        return get(slugOrId, shape, Rights.Channel.READ);
    }

    /** The full article as the current caller may see it on this channel. */
    @ReadOnlyTransaction(replica = true)
    public Lookup get(String slugOrId, Rights.Channel channel) {
        return get(slugOrId, ArticleShape.full(ArticleShape.Context.ARTICLE), channel);
    }

    /** The rights clause for the current caller on a channel, for queries over articles (lists, feeds, search). */
    public Rights.Clause rights(Rights.Channel channel) {
        return Rights.jpql(caller.get(), channel, Instant.now(clock));
    }

    /**
     * The newest visible articles of a scope, with their bodies, as the current caller may take them on
     * this channel: what feeds show. Three statements whatever the size. Never a story under embargo below
     * editor, early delivery or not: a feed entry cannot say it is embargoed, and feed readers show what
     * arrives (decision 164).
     */
    @ReadOnlyTransaction(replica = true)
    public List<ArticleView> latest(Scope scope, String language, int limit, Rights.Channel channel) {
        ArticleRepository.Filter filter = new ArticleRepository.Filter(
                scope.section() == null ? null : scope.section().id, List.of(), false,
                scope.tag() == null ? null : scope.tag().id, scope.byline() == null ? null : scope.byline().id,
                language, null, null, false,
                Rights.jpql(caller.get().withoutEarlyDelivery(), channel, Instant.now(clock)));
        return views(articles.findPublishedPage(filter, ArticleSort.NEWEST, null, limit, true),
                new ArticleShape(null, Set.of(ArticleShape.Part.BODY, ArticleShape.Part.CORRECTIONS)), channel);
    }

    /**
     * The article with the parts the shape asks for, as the current caller may see it on this channel:
     * a 404 when the rights withhold it.
     */
    @ReadOnlyTransaction(replica = true)
    public Lookup get(String slugOrId, ArticleShape shape, Rights.Channel channel) {
        return get(slugOrId, shape, channel, config.relatedLimit());
    }

    /** A story's summary as pages show it in their navigation and related posts, and the latest change it shows. */
    public record Shown(ArticleSummary summary, Instant lastModified) {
    }

    /**
     * The summary of a published story as a page's navigation or related posts show it to a reader (two statements:
     * its row with bylines and tags, and its translations), and the latest change among what it shows (its row, its
     * bylines, its tags), for a page put together again (decision 173); empty when it is no longer published.
     */
    @ReadOnlyTransaction(replica = true)
    public Optional<Shown> shown(UUID id) {
        ArticleRepository.Parts parts = articles.findParts(List.of(id), true, false);
        Article a = parts.rows().get(id);
        // as a page's navigation and related posts choose them: published, and what the rights let the reader see
        if (a == null || a.status != ArticleStatus.PUBLISHED || a.deletedAt != null
                || !allows(a, tagIds(parts.tags(), a), Rights.Channel.READ)) {
            return Optional.empty();
        }
        Map<UUID, List<Article>> translations = a.translationGroup == null ? Map.of() : articles.findTranslations(List.of(a));
        ArticleSummary summary = summary(a, parts.bylines(), parts.tags(), translations, Rights.Channel.READ);
        Instant latest = a.updatedAt;
        for (ArticleByline credit : parts.bylines().getOrDefault(id, List.of())) {
            latest = later(latest, credit.byline.updatedAt);
        }
        for (ArticleTag link : parts.tags().getOrDefault(id, List.of())) {
            latest = later(latest, link.tag.updatedAt);
        }
        return Optional.of(new Shown(summary, latest));
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a != null && !b.isAfter(a) ? a : b;
    }

    /** The related posts of an article, up to {@code limit} (curated links first, then the fill-up). */
    @ReadOnlyTransaction(replica = true)
    public Lookup related(String slugOrId, int limit) {
        return get(slugOrId, new ArticleShape(null, Set.of(ArticleShape.Part.RELATED)), Rights.Channel.READ, limit);
    }

    /**
     * The draft or scheduled article a preview token opens (docs/decisions/152), whoever asks: only for an id that
     * {@code PreviewService} found for a valid token. Empty when the article is no longer a draft or scheduled (or was
     * deleted) by now. Its navigation and related posts are what the caller may see of the published ones.
     */
    @ReadOnlyTransaction
    public Optional<Lookup> preview(UUID articleId, ArticleShape shape) {
        Optional<ArticleRepository.Own> found = articles.findLiveWithTagIds(articleId.toString());
        if (found.isEmpty() || (found.get().article().status != ArticleStatus.DRAFT
                && found.get().article().status != ArticleStatus.SCHEDULED)) {
            return Optional.empty();
        }
        return Optional.of(lookup(found.get(), shape, Rights.Channel.READ, config.relatedLimit()));
    }

    private Lookup get(String slugOrId, ArticleShape shape, Rights.Channel channel, int relatedLimit) {
        // 1. the article, its section and its tag ids (the rights rule and the related posts need them)
        Optional<ArticleRepository.Own> found = articles.findVisibleWithTagIds(slugOrId);
        if (found.isEmpty() && caller.get().isEditor()) {
            found = articles.findLiveWithTagIds(slugOrId); // editors also read drafts, scheduled and unpublished articles
        }
        if (found.isEmpty()) {
            if (Ids.parse(slugOrId).isEmpty()) {
                // A former slug answers 301 only to a caller who may see the article: the new slug is no
                // less a secret than the story.
                Optional<Article> renamed = articles.findVisibleByFormerSlug(slugOrId);
                if (renamed.isPresent() && allows(renamed.get(), Rights.readsTags(caller.get(), channel)
                        ? tagIds(articles.findTags(List.of(renamed.get().id)), renamed.get()) : List.of(), channel)) {
                    return new Lookup(null, renamed.get().slug, null, 0, Set.of());
                }
            }
            throw goneOrNotFound(slugOrId, channel);
        }
        if (!allows(found.get().article(), found.get().tagIds(), channel)) {
            throw ProblemException.notFound("article", slugOrId);
        }
        return lookup(found.get(), shape, channel, relatedLimit);
    }

    /** Steps 2 and 3 of a lookup: what the article shows around it, then the rows of every article shown. */
    private Lookup lookup(ArticleRepository.Own own, ArticleShape shape, Rights.Channel channel, int relatedLimit) {
        Article article = own.article();
        List<UUID> tagIds = own.tagIds();
        boolean withNavigation = shape.has(ArticleShape.Part.NAVIGATION);
        boolean withRelated = shape.has(ArticleShape.Part.RELATED);
        boolean withCorrections = shape.has(ArticleShape.Part.CORRECTIONS);
        // 2. navigation, curated and related ids, body and corrections. Navigation and related posts obey the same
        // rights as the article: a partner never sees an embargoed or withheld story, not even as a neighbour's summary.
        ArticleRepository.Surroundings around = articles.findSurroundings(article, tagIds, withNavigation, withRelated,
                shape.has(ArticleShape.Part.BODY), withCorrections, relatedLimit, config.relatedCandidates(),
                rights(channel));
        List<ArticleRepository.Curated> curated = around.curated().stream().limit(relatedLimit).toList();
        List<UUID> byTags = around.sharingTags().stream()
                .limit(Math.max(0, relatedLimit - around.curated().size())).toList();

        // 3. the rows, sections, bylines and tags of every article shown
        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(article.id);
        Stream.of(around.previous(), around.next()).filter(java.util.Objects::nonNull).forEach(ids::add);
        curated.forEach(c -> ids.add(c.id()));
        ids.addAll(byTags);
        ArticleRepository.Parts parts = articles.findParts(ids, true, false);
        Map<UUID, List<ArticleByline>> credits = parts.bylines();
        Map<UUID, List<ArticleTag>> tagLinks = parts.tags();
        Article previous = around.previous() == null ? null : parts.rows().get(around.previous());
        Article next = around.next() == null ? null : parts.rows().get(around.next());

        // the translations of the article and of the summaries it shows: one statement, none when no one has any
        List<Article> shown = new ArrayList<>();
        shown.add(article);
        shown.addAll(parts.rows().values());
        Map<UUID, List<Article>> translations = articles.findTranslations(shown);

        List<RelatedArticle> related = new ArrayList<>();
        // (a row removed between the statements is left out, as a statement later would not have found it)
        curated.stream().filter(c -> parts.rows().containsKey(c.id())).forEach(c -> related.add(
                new RelatedArticle(summary(parts.rows().get(c.id()), credits, tagLinks, translations, channel), c.relation())));
        byTags.stream().filter(parts.rows()::containsKey).forEach(id -> related.add(
                new RelatedArticle(summary(parts.rows().get(id), credits, tagLinks, translations, channel), Relation.RELATED)));

        ArticleMapper.Inline inline = mapper.inlineImages(around.body(), channel);
        ArticleView view = new ArticleView(
                summary(article, credits, tagLinks, translations, channel),
                inline.body(),
                withCorrections ? around.corrections() : null,
                withNavigation ? new Navigation(previous == null ? null : summary(previous, credits, tagLinks, translations, channel),
                        next == null ? null : summary(next, credits, tagLinks, translations, channel)) : null,
                withRelated ? related : null,
                inline.images());
        // what the navigation and the related posts were chosen from: a write there may change them (decision 086)
        Set<String> dependsOn = new LinkedHashSet<>();
        if (withNavigation && article.section != null) {
            dependsOn.add(Article.navigationKey(article.section.id));
        }
        if (withRelated) {
            tagIds.forEach(tag -> dependsOn.add(Article.relatedKey(tag)));
        }
        return new Lookup(view, null, lastModified(article, previous, next, related, credits, tagLinks), article.version,
                dependsOn);
    }

    /**
     * 410 for an article deleted while it was published, to a caller who could see it then (the one the
     * change feed shows its delete entry to); 404 for everything else, so a deletion tells nobody of a
     * story they never had (docs/decisions/091-deleted-articles-answer-410.md).
     */
    private ProblemException goneOrNotFound(String slugOrId, Rights.Channel channel) {
        Optional<Article> deleted = articles.findDeleted(slugOrId);
        if (deleted.isPresent() && deleted.get().status == ArticleStatus.PUBLISHED) {
            Article a = deleted.get();
            List<UUID> tagIds = Rights.readsTags(caller.get(), channel) ? tagIds(articles.findTags(List.of(a.id)), a) : List.of();
            if (allowsAt(a, tagIds, channel, a.deletedAt)) {
                return new ProblemException(news.dispatch.web.problem.ProblemType.GONE, "The article '" + slugOrId
                        + "' was deleted at " + a.deletedAt + "; the change feed (GET /v1/changes) has its delete entry.");
            }
        }
        return ProblemException.notFound("article", slugOrId);
    }

    private static List<UUID> tagIds(Map<UUID, List<ArticleTag>> tagLinks, Article article) {
        return tagLinks.getOrDefault(article.id, List.of()).stream().map(t -> t.tag.id).toList();
    }

    /** The rights rule for a live article and the current caller on this channel. */
    private boolean allows(Article article, List<UUID> tagIds, Rights.Channel channel) {
        return allowsAt(article, tagIds, channel, Instant.now(clock));
    }

    private boolean allowsAt(Article article, List<UUID> tagIds, Rights.Channel channel, Instant at) {
        Caller who = caller.get();
        if (!Rights.applies(who, channel)) {
            return true;
        }
        Rights.Facts facts = new Rights.Facts(true, article.syndicationAllowed, article.embargoUntil,
                article.section == null ? null : article.section.id, tagIds);
        return Rights.allows(who, channel, facts, at);
    }

    private ArticleSummary summary(Article a, Map<UUID, List<ArticleByline>> credits, Map<UUID, List<ArticleTag>> tagLinks,
                                   Map<UUID, List<Article>> translations, Rights.Channel channel) {
        return mapper.summary(a, credits.get(a.id), tagLinks.get(a.id),
                a.translationGroup == null ? null : translations.get(a.translationGroup), channel);
    }

    /** The latest change among everything the article response shows. */
    private static Instant lastModified(Article article, Article previous, Article next, List<RelatedArticle> related,
                                        Map<UUID, List<ArticleByline>> credits, Map<UUID, List<ArticleTag>> tagLinks) {
        List<Instant> times = new ArrayList<>();
        times.add(article.updatedAt);
        if (article.section != null) {
            times.add(article.section.updatedAt);
        }
        if (previous != null) {
            times.add(previous.updatedAt);
        }
        if (next != null) {
            times.add(next.updatedAt);
        }
        related.forEach(r -> times.add(r.article().updatedAt()));
        credits.values().forEach(list -> list.forEach(ab -> times.add(ab.byline.updatedAt)));
        tagLinks.values().forEach(list -> list.forEach(at -> times.add(at.tag.updatedAt)));
        return times.stream().filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(article.updatedAt);
    }

    /** Turns slugs of the query into ids; a filter naming nothing that exists is a 400. */
    @ReadOnlyTransaction(replica = true)
    public ArticleRepository.Filter filter(ArticleQuery q, Scope scope) {
        ArticleRepository.Filter filter = visibleFilter(q, scope);
        return q.status() == null ? filter : filter.withStatus(requireEditorFor(q.status()));
    }

    /** Only editors may list articles that are not published (API.md, "Editors may add status"). */
    private ArticleStatus requireEditorFor(ArticleStatus status) {
        if (status != ArticleStatus.PUBLISHED && !caller.get().isEditor()) {
            if (caller.get().role() == news.dispatch.access.Role.ANONYMOUS) {
                throw new ProblemException(news.dispatch.web.problem.ProblemType.UNAUTHORIZED,
                        "Listing articles that are not published needs an editor key.")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"dispatch\"");
            }
            throw new ProblemException(news.dispatch.web.problem.ProblemType.FORBIDDEN,
                    "Only editor keys may list articles that are not published.");
        }
        return status;
    }

    private ArticleRepository.Filter visibleFilter(ArticleQuery q, Scope scope) {
        List<FieldError> errors = new ArrayList<>();
        UUID sectionId = scope.section() == null ? null : scope.section().id;
        UUID bylineId = scope.byline() == null ? null : scope.byline().id;
        List<UUID> tagIds = new ArrayList<>();
        if (q.section() != null || q.byline() != null || q.hasTags()) {
            // one statement for all the filters' names, whatever their number (decision 140)
            ArticleRepository.Named named = articles.resolve(q.section(), q.byline(), q.tags());
            if (q.section() != null) {
                if (named.section() == null) {
                    errors.add(new FieldError("section", "no section '" + q.section() + "'"));
                } else if (sectionId != null && !sectionId.equals(named.section())) {
                    return ArticleRepository.Filter.NOTHING;
                } else {
                    sectionId = named.section();
                }
            }
            if (q.byline() != null) {
                if (named.byline() == null) {
                    errors.add(new FieldError("byline", "no byline '" + q.byline() + "'"));
                } else if (bylineId != null && !bylineId.equals(named.byline())) {
                    return ArticleRepository.Filter.NOTHING;
                } else {
                    bylineId = named.byline();
                }
            }
            q.tags().stream().filter(t -> !named.tags().containsKey(t)).sorted()
                    .forEach(t -> errors.add(new FieldError("tag", "no tag '" + t + "'")));
            q.tags().stream().map(named.tags()::get).filter(java.util.Objects::nonNull).forEach(tagIds::add);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // The path's tag is always required; the query's tags narrow further (all of, or any of).
        UUID requiredTag = scope.tag() == null ? null : scope.tag().id;
        return new ArticleRepository.Filter(sectionId, List.copyOf(new LinkedHashSet<>(tagIds)), q.anyTag(), requiredTag,
                bylineId, q.language(), q.from(), q.to(), false, Rights.Clause.NONE);
    }
}
