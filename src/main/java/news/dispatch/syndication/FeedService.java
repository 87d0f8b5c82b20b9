package news.dispatch.syndication;

import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.access.CurrentCaller;
import news.dispatch.access.Rights;
import news.dispatch.article.ArticleResponses;
import news.dispatch.article.ArticleService;
import news.dispatch.article.ArticleView;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineService;
import news.dispatch.cache.Purgeable;
import news.dispatch.change.ChangeFeed;
import news.dispatch.section.Section;
import news.dispatch.section.SectionService;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagService;
import news.dispatch.web.problem.ProblemException;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the latest, section, tag and byline feeds as the current caller may take them. */
@ApplicationScoped
public class FeedService {

    /**
     * The feed's bytes, media type and Last-Modified: the latest change-feed entry (every change that can add,
     * alter or remove an entry writes one, decision 103) or the feed's section, tag or byline, whichever is later;
     * and the purge keys of what it shows (decision 086).
     */
    public record Rendered(byte[] body, String mediaType, Instant lastModified, Set<String> keys) {
    }

    private final ArticleService articles;
    private final SectionService sections;
    private final TagService tags;
    private final BylineService bylines;
    private final CurrentCaller caller;
    private final SyndicationConfig config;
    private final RomeFeedWriter rome;
    private final JsonFeedWriter json;
    private final ChangeFeed changes;

    public FeedService(ArticleService articles, SectionService sections, TagService tags, BylineService bylines,
                       CurrentCaller caller, SyndicationConfig config, RomeFeedWriter rome, JsonFeedWriter json,
                       ChangeFeed changes) {
        this.changes = changes;
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.bylines = bylines;
        this.caller = caller;
        this.config = config;
        this.rome = rome;
        this.json = json;
    }

    public Rendered latest(FeedFormat format, String language, String selfUrl) {
        Instant changed = changes.lastChangeAt();
        return render(changed, null, format, ArticleService.Scope.NONE, language, config.outletName() + ": latest",
                "The latest stories from " + config.outletName() + ".", selfUrl);
    }

    public Rendered section(String slug, FeedFormat format, String language, String selfUrl) {
        Instant changed = changes.lastChangeAt();
        Section section = sections.find(slug).orElseThrow(() -> ProblemException.notFound("section", slug));
        return render(changed, section.updatedAt, format, new ArticleService.Scope(section, null, null), language, config.outletName() + ": " + section.name,
                "The latest stories in " + section.name + ".", selfUrl);
    }

    public Rendered tag(String slug, FeedFormat format, String language, String selfUrl) {
        Instant changed = changes.lastChangeAt();
        Tag tag = tags.require(slug);
        return render(changed, tag.updatedAt, format, new ArticleService.Scope(null, tag, null), language, config.outletName() + ": " + tag.name,
                "The latest stories tagged " + tag.name + ".", selfUrl);
    }

    public Rendered byline(String slug, FeedFormat format, String language, String selfUrl) {
        Instant changed = changes.lastChangeAt();
        Byline byline = bylines.require(slug);
        return render(changed, byline.updatedAt, format, new ArticleService.Scope(null, null, byline), language, config.outletName() + ": " + byline.name,
                "The latest stories by " + byline.name + ".", selfUrl);
    }

    /** Every list's key, the feed's own section, tag or byline, and those of each entry. */
    private static Set<String> keys(ArticleService.Scope scope, List<ArticleView> entries) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Purgeable.LISTS);
        if (scope.section() != null) {
            keys.add("section-" + scope.section().slug);
        }
        if (scope.tag() != null) {
            keys.add("tag-" + scope.tag().slug);
        }
        if (scope.byline() != null) {
            keys.add("byline-" + scope.byline().slug);
        }
        keys.addAll(ArticleResponses.purgeKeys(entries)); // their articles, sections, tags, bylines and images
        return keys;
    }
    private Rendered render(Instant changed, Instant scopeUpdated, FeedFormat format, ArticleService.Scope scope, String language,
                            String title, String description, String selfUrl) {
        List<ArticleView> entries = articles.latest(scope, language, config.feedSize(), Rights.Channel.SYNDICATION);
        Instant updated = entries.stream().map(e -> e.summary().updatedAt()).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        Feed feed = new Feed(title, description, config.homePage(), selfUrl, updated, entries, Rights.fullText(caller.get()),
                language);
        byte[] body = format == FeedFormat.JSON ? json.write(feed) : rome.write(feed, format);
        Instant lastModified = changed == null || (scopeUpdated != null && scopeUpdated.isAfter(changed)) ? scopeUpdated : changed;
        return new Rendered(body, format.mediaType(), lastModified, keys(scope, entries));
    }
}
