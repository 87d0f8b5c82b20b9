package news.dispatch.article;

import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.access.Caller;
import news.dispatch.access.CurrentCaller;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineService;
import news.dispatch.common.Ids;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.section.Section;
import news.dispatch.section.SectionService;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagService;
import news.dispatch.syndication.Rights;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
    private final SectionService sections;
    private final TagService tags;
    private final BylineService bylines;
    private final ArticleConfig config;
    private final CurrentCaller caller;
    private final Clock clock;

    public ArticleService(ArticleRepository articles, ArticleMapper mapper, SectionService sections, TagService tags,
                          BylineService bylines, ArticleConfig config, CurrentCaller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
        this.articles = articles;
        this.mapper = mapper;
        this.sections = sections;
        this.tags = tags;
        this.bylines = bylines;
        this.config = config;
    }

    /** Where a list is scoped by its path: the articles of a section, tag or byline. */
    public record Scope(Section section, Tag tag, Byline byline) {
        public static final Scope NONE = new Scope(null, null, null);
    }

    /** The outcome of a lookup by slug or id: the article, or the slug it now has. */
    public record Lookup(ArticleView article, String movedTo, Instant lastModified, long version) {
    }

    @ReadOnlyTransaction
    public Page<ArticleSummary> list(ArticleQuery q, Scope scope) {
        Page<ArticleView> page = list(q, scope, ArticleShape.full(ArticleShape.Context.LIST));
        return new Page<>(page.items().stream().map(ArticleView::summary).toList(), page.page());
    }

    /** A list as the current caller may see it on this channel (partner keys and syndication formats obey the rights). */
    @ReadOnlyTransaction
    public Page<ArticleSummary> list(ArticleQuery q, Scope scope, Rights.Channel channel) {
        Page<ArticleView> page = list(q, scope, ArticleShape.full(ArticleShape.Context.LIST), channel);
        return new Page<>(page.items().stream().map(ArticleView::summary).toList(), page.page());
    }

    @ReadOnlyTransaction
    public Page<ArticleView> list(ArticleQuery q, Scope scope, ArticleShape shape) {
        return list(q, scope, shape, Rights.Channel.READ);
    }

    /**
     * A page of articles with the optional parts the shape asks for ({@code body}, {@code corrections});
     * the others are null. Costs the same statements whatever the page size: the page, its bylines,
     * its tags, and its corrections when included (plus the filter's slug look-ups and the count).
     * Partner keys, and everyone below editor on the syndication channel, get what the rights allow.
     */
    @ReadOnlyTransaction
    public Page<ArticleView> list(ArticleQuery q, Scope scope, ArticleShape shape, Rights.Channel channel) {
        ArticleRepository.Filter filter = filter(q, scope).with(rights(channel));
        ArticleCursors.Key after = q.cursor() == null ? null : ArticleCursors.key(q.cursor());
        List<Article> rows = articles.findPublishedPage(filter, q.sort(), after, q.limit() + 1);
        boolean more = rows.size() > q.limit();
        List<Article> page = more ? rows.subList(0, q.limit()) : rows;
        String next = more ? ArticleCursors.after(q.sort(), page.get(page.size() - 1)).encode() : null;
        return new Page<>(views(page, shape), new PageInfo(q.limit(), next, q.count() ? articles.countPublished(filter) : null));
    }

    /**
     * Articles as list items, in the given order, with the parts the shape asks for among body and
     * corrections: a fixed number of statements whatever the number of articles.
     */
    @ReadOnlyTransaction
    public List<ArticleView> views(Collection<Article> page, ArticleShape shape) {
        List<UUID> ids = page.stream().map(a -> a.id).toList();
        Map<UUID, List<ArticleByline>> credits = articles.findBylines(ids);
        Map<UUID, List<ArticleTag>> tagLinks = articles.findTags(ids);
        Map<UUID, List<ArticleCorrection>> corrections = shape.has(ArticleShape.Part.CORRECTIONS)
                ? articles.findCorrections(ids) : Map.of();
        // The body is a lazy attribute: read every body of the page in one statement, not one per article.
        Map<UUID, Body> bodies = shape.has(ArticleShape.Part.BODY) ? articles.findBodies(ids) : Map.of();
        // no statement unless an article of the page has translations
        Map<UUID, List<Article>> translations = articles.findTranslations(page);
        return page.stream().map(a -> new ArticleView(summary(a, credits, tagLinks, translations),
                bodies.get(a.id),
                shape.has(ArticleShape.Part.CORRECTIONS) ? mapper.corrections(corrections.getOrDefault(a.id, List.of())) : null,
                null, null)).toList();
    }

    /** Visible articles by id as list items, in the order of the ids (ids of invisible articles are skipped). */
    @ReadOnlyTransaction
    public List<ArticleView> viewsById(List<UUID> ids, ArticleShape shape) {
        return views(articles.findWithSection(ids).stream()
                .filter(a -> a.status == ArticleStatus.PUBLISHED && a.deletedAt == null).toList(), shape);
    }

    @ReadOnlyTransaction
    public Lookup get(String slugOrId) {
        return get(slugOrId, ArticleShape.full(ArticleShape.Context.ARTICLE), Rights.Channel.READ);
    }

    /** The article with the parts the shape asks for; parts left out are null and cost no statement. */
    @ReadOnlyTransaction
    public Lookup get(String slugOrId, ArticleShape shape) {
        return get(slugOrId, shape, Rights.Channel.READ);
    }

    /** The full article as the current caller may see it on this channel. */
    @ReadOnlyTransaction
    public Lookup get(String slugOrId, Rights.Channel channel) {
        return get(slugOrId, ArticleShape.full(ArticleShape.Context.ARTICLE), channel);
    }

    /** The rights clause for the current caller on a channel, for queries over articles (lists, feeds, search). */
    public Rights.Clause rights(Rights.Channel channel) {
        return Rights.jpql(caller.get(), channel, Instant.now(clock));
    }

    /**
     * The newest visible articles of a scope, with their bodies, as the current caller may take them on
     * this channel: what feeds show. Three statements whatever the size.
     */
    @ReadOnlyTransaction
    public List<ArticleView> latest(Scope scope, int limit, Rights.Channel channel) {
        ArticleRepository.Filter filter = new ArticleRepository.Filter(
                scope.section() == null ? null : scope.section().id, List.of(), false,
                scope.tag() == null ? null : scope.tag().id, scope.byline() == null ? null : scope.byline().id,
                null, null, null, false, rights(channel));
        List<Article> rows = articles.findPublishedPage(filter, ArticleSort.NEWEST, null, limit);
        return views(rows, new ArticleShape(null, Set.of(ArticleShape.Part.BODY)));
    }

    /**
     * The article with the parts the shape asks for, as the current caller may see it on this channel:
     * a 404 when the rights withhold it.
     */
    @ReadOnlyTransaction
    public Lookup get(String slugOrId, ArticleShape shape, Rights.Channel channel) {
        Optional<UUID> id = Ids.parse(slugOrId);
        Optional<Article> found = id.isPresent() ? articles.findVisibleById(id.get()) : articles.findVisibleBySlug(slugOrId);
        if (found.isEmpty() && caller.get().isEditor()) {
            found = articles.findLive(slugOrId); // editors also read drafts, scheduled and unpublished articles
        }
        if (found.isEmpty()) {
            if (id.isEmpty()) {
                Optional<String> current = articles.findCurrentSlugOfFormer(slugOrId);
                if (current.isPresent()) {
                    return new Lookup(null, current.get(), null, 0);
                }
            }
            throw ProblemException.notFound("article", slugOrId);
        }
        Article article = found.get();
        Caller who = caller.get();
        // The article's own tags first: the rights rule and the related posts need them.
        Map<UUID, List<ArticleTag>> ownTags = articles.findTags(List.of(article.id));
        List<UUID> tagIds = ownTags.getOrDefault(article.id, List.of()).stream().map(t -> t.tag.id).toList();
        if (Rights.applies(who, channel)) {
            Rights.Facts facts = new Rights.Facts(true, article.syndicationAllowed, article.embargoUntil,
                    article.section == null ? null : article.section.id, tagIds);
            if (!Rights.allows(who, channel, facts, Instant.now(clock))) {
                throw ProblemException.notFound("article", slugOrId);
            }
        }
        boolean withNavigation = shape.has(ArticleShape.Part.NAVIGATION);
        boolean withRelated = shape.has(ArticleShape.Part.RELATED);
        // Navigation and related posts obey the same rights as the article: a partner never sees an
        // embargoed or withheld story, not even as a neighbour's summary.
        Rights.Clause rights = rights(channel);
        Article previous = withNavigation ? articles.findPrevInSection(article, rights).orElse(null) : null;
        Article next = withNavigation ? articles.findNextInSection(article, rights).orElse(null) : null;
        List<ArticleRelated> curated = withRelated ? articles.findCuratedRelated(article.id, rights) : List.of();
        List<Article> byTags = withRelated ? articles.findSharingMostTags(article.id, tagIds,
                curated.stream().map(r -> r.related.id).toList(), config.relatedLimit() - curated.size(),
                config.relatedCandidates(), rights) : List.of();

        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(article.id);
        Stream.of(previous, next).filter(java.util.Objects::nonNull).forEach(a -> ids.add(a.id));
        curated.forEach(r -> ids.add(r.related.id));
        byTags.forEach(a -> ids.add(a.id));
        Map<UUID, List<ArticleByline>> credits = articles.findBylines(ids);
        Map<UUID, List<ArticleTag>> tagLinks = new HashMap<>(ownTags);
        tagLinks.putAll(articles.findTags(ids.stream().filter(i -> !i.equals(article.id)).toList()));

        // the translations of the article and of the summaries it shows: one statement, none when no one has any
        List<Article> shown = new ArrayList<>();
        shown.add(article);
        Stream.of(previous, next).filter(java.util.Objects::nonNull).forEach(shown::add);
        curated.forEach(r -> shown.add(r.related));
        shown.addAll(byTags);
        Map<UUID, List<Article>> translations = articles.findTranslations(shown);

        List<RelatedArticle> related = new ArrayList<>();
        curated.stream().limit(config.relatedLimit())
                .forEach(r -> related.add(new RelatedArticle(summary(r.related, credits, tagLinks, translations), r.relation)));
        byTags.forEach(a -> related.add(new RelatedArticle(summary(a, credits, tagLinks, translations), Relation.RELATED)));

        ArticleView view = new ArticleView(
                summary(article, credits, tagLinks, translations),
                shape.has(ArticleShape.Part.BODY) ? mapper.body(article) : null,
                shape.has(ArticleShape.Part.CORRECTIONS) ? mapper.corrections(articles.findCorrections(article.id)) : null,
                withNavigation ? new Navigation(previous == null ? null : summary(previous, credits, tagLinks, translations),
                        next == null ? null : summary(next, credits, tagLinks, translations)) : null,
                withRelated ? related : null);
        return new Lookup(view, null, lastModified(article, previous, next, related, credits, tagLinks), article.version);
    }

    private ArticleSummary summary(Article a, Map<UUID, List<ArticleByline>> credits, Map<UUID, List<ArticleTag>> tagLinks,
                                   Map<UUID, List<Article>> translations) {
        return mapper.summary(a, credits.get(a.id), tagLinks.get(a.id),
                a.translationGroup == null ? null : translations.get(a.translationGroup));
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
    @ReadOnlyTransaction
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
        if (q.section() != null) {
            Optional<Section> section = sections.find(q.section());
            if (section.isEmpty()) {
                errors.add(new FieldError("section", "no section '" + q.section() + "'"));
            } else if (sectionId != null && !sectionId.equals(section.get().id)) {
                return ArticleRepository.Filter.NOTHING;
            } else {
                sectionId = section.get().id;
            }
        }
        UUID bylineId = scope.byline() == null ? null : scope.byline().id;
        if (q.byline() != null) {
            Optional<Byline> byline = bylines.find(q.byline());
            if (byline.isEmpty()) {
                errors.add(new FieldError("byline", "no byline '" + q.byline() + "'"));
            } else if (bylineId != null && !bylineId.equals(byline.get().id)) {
                return ArticleRepository.Filter.NOTHING;
            } else {
                bylineId = byline.get().id;
            }
        }
        List<UUID> tagIds = new ArrayList<>();
        if (q.hasTags()) {
            List<Tag> found = tags.findBySlugs(q.tags());
            Set<String> known = new HashSet<>();
            found.forEach(t -> known.add(t.slug));
            q.tags().stream().filter(s -> !known.contains(s)).sorted()
                    .forEach(s -> errors.add(new FieldError("tag", "no tag '" + s + "'")));
            found.forEach(t -> tagIds.add(t.id));
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
