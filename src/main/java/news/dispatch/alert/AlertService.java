package news.dispatch.alert;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.dispatch.access.CurrentCaller;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleConfig;
import news.dispatch.article.ArticleStatus;
import news.dispatch.article.ArticleWriteService;
import news.dispatch.cache.Purgeable;
import news.dispatch.change.ChangeLog;
import news.dispatch.change.ChangeType;
import news.dispatch.common.Ids;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.live.LiveEntryService;
import news.dispatch.section.SectionService;
import news.dispatch.tag.TagService;
import news.dispatch.web.PageInfo;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Breaking-news alerts (decision 161): issued by editors for a visible article, listed while active, recorded in the
 * change feed as {@code alert} for the article (so partners and webhooks learn of them under the article's rights).
 */
@ApplicationScoped
public class AlertService {

    static final Duration DEFAULT_LIFETIME = Duration.ofHours(6);
    static final Duration MAX_LIFETIME = Duration.ofDays(7);
    static final String TOPIC = "[a-z0-9]+(-[a-z0-9]+)*";

    private final ArticleWriteService articles;
    private final LiveEntryService entries;
    private final SectionService sections;
    private final TagService tags;
    private final ChangeLog changes;
    private final CurrentCaller caller;
    private final Clock clock;
    private final String siteUrl;

    public AlertService(ArticleWriteService articles, LiveEntryService entries, SectionService sections, TagService tags,
                        ChangeLog changes, CurrentCaller caller, Clock clock, ArticleConfig config) {
        this.articles = articles;
        this.entries = entries;
        this.sections = sections;
        this.tags = tags;
        this.changes = changes;
        this.caller = caller;
        this.clock = clock;
        this.siteUrl = config.siteUrl().endsWith("/") ? config.siteUrl() : config.siteUrl() + "/";
    }

    /** Active alerts with the purge keys of what they show. */
    public record Listing(List<AlertView> items, PageInfo page, Set<String> keys) {
    }

    @Transactional
    public AlertView create(AlertInput in) {
        Article a = articles.require(in.article());
        Instant now = now();
        if (a.status != ArticleStatus.PUBLISHED || (a.embargoUntil != null && a.embargoUntil.isAfter(now))) {
            throw ProblemException.conflict("Alerts are issued for published articles past their embargo.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.entry() != null && !entries.has(a.id, in.entry())) {
            errors.add(new FieldError("entry", "no entry '" + in.entry() + "' in this article"));
        }
        List<String> topics = new ArrayList<>();
        if (in.topics() == null) {
            if (a.section != null) {
                topics.add(a.section.slug);
            }
            a.tags.forEach(t -> topics.add(t.tag.slug));
        } else {
            for (int i = 0; i < in.topics().size(); i++) {
                String topic = in.topics().get(i).strip();
                String slug = sections.find(topic).map(s -> s.slug).or(() -> tags.find(topic).map(t -> t.slug)).orElse(null);
                if (slug == null) {
                    errors.add(new FieldError("topics[" + i + "]", "no section or tag '" + topic + "'"));
                } else if (topics.contains(slug)) {
                    errors.add(new FieldError("topics[" + i + "]", "is listed twice"));
                } else {
                    topics.add(slug);
                }
            }
        }
        Instant expires = in.expiresAt() == null ? now.plus(DEFAULT_LIFETIME) : in.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        if (!expires.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        } else if (expires.isAfter(now.plus(MAX_LIFETIME))) {
            errors.add(new FieldError("expiresAt", "must be at most 7 days ahead"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Alert alert = new Alert();
        alert.articleId = a.id;
        alert.entryId = in.entry();
        alert.level = in.level();
        alert.title = in.title().strip();
        alert.body = in.body() == null || in.body().isBlank() ? null : in.body().strip();
        alert.topics = String.join(",", topics);
        alert.createdAt = now;
        alert.expiresAt = expires;
        alert.createdBy = caller.get().keyId();
        Panache.getEntityManager().persist(alert);
        changes.record(ChangeType.ALERT, a);
        Log.infof("Alert %s (%s) issued for article %s", alert.id, alert.level.value(), a.id);
        return view(alert, a.slug, a.headline);
    }

    /** Withdraws an alert at once; withdrawing it again changes nothing. */
    @Transactional
    public void withdraw(String id) {
        Alert alert = Ids.parse(id).map(uuid -> Panache.getEntityManager().find(Alert.class, uuid))
                .orElseThrow(() -> ProblemException.notFound("alert", id));
        if (alert.withdrawnAt == null) {
            alert.withdrawnAt = now();
            Log.infof("Alert %s withdrawn", alert.id);
        }
    }

    /**
     * The active alerts (not expired, not withdrawn, of an article readers may see now), newest first, about
     * {@code topic} when given.
     */
    @ReadOnlyTransaction(replica = true)
    public Listing active(String topic, int limit) {
        Instant now = now();
        String jpql = "select al, a.slug, a.headline from Alert al, Article a where a.id = al.articleId"
                + " and al.withdrawnAt is null and al.expiresAt > :now and a.status = :published and a.deletedAt is null"
                + " and (a.embargoUntil is null or a.embargoUntil <= :now)"
                + (topic == null ? "" : " and concat(',', al.topics, ',') like :topic")
                + " order by al.createdAt desc, al.id desc";
        var query = Panache.getEntityManager().createQuery(jpql, Object[].class)
                .setParameter("now", now).setParameter("published", ArticleStatus.PUBLISHED);
        if (topic != null) {
            query.setParameter("topic", "%," + topic + ",%");
        }
        List<Object[]> rows = query.setMaxResults(limit).getResultList();
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Alert.KEY);
        keys.add(Purgeable.LISTS); // an article leaving the lists takes its alerts with it
        List<AlertView> items = new ArrayList<>();
        for (Object[] row : rows) {
            Alert alert = (Alert) row[0];
            keys.add(Article.key(alert.articleId));
            items.add(view(alert, (String) row[1], (String) row[2]));
        }
        return new Listing(items, new PageInfo(limit, null, null), keys);
    }

    private AlertView view(Alert alert, String slug, String headline) {
        return new AlertView(alert.id, alert.level, alert.title, alert.body, alert.topicList(),
                new AlertView.AlertArticle(alert.articleId, slug, siteUrl + slug, headline), alert.entryId,
                alert.createdAt, alert.expiresAt);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
