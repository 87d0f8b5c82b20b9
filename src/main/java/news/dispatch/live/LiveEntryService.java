package news.dispatch.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import news.dispatch.access.Rights;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleService;
import news.dispatch.article.ArticleShape;
import news.dispatch.article.ArticleStatus;
import news.dispatch.article.ArticleWriteService;
import news.dispatch.article.Body;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineService;
import news.dispatch.change.ChangeLog;
import news.dispatch.change.ChangeType;
import news.dispatch.common.Ids;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.text.BodyText;
import news.dispatch.text.HtmlSanitizer;
import news.dispatch.web.Cursor;
import news.dispatch.web.JsonInputs;
import news.dispatch.web.PageInfo;
import news.dispatch.web.Preconditions;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Live-blog entries (decision 160). Each write locks the blog's article row, so entry numbers ({@code changeSeq})
 * are taken one after the other; it makes the article a new version (its {@code updatedAt} and ETag move) and, when
 * the article is visible, writes {@code entry-added}, {@code entry-updated} or {@code entry-deleted} to the change
 * feed in the same transaction, which webhooks follow.
 */
@ApplicationScoped
public class LiveEntryService {

    static final String ORDER = "entries";
    static final String SINCE_ORDER = "entries-since";

    private final LiveEntryRepository entries;
    private final ArticleWriteService articleWrites;
    private final ArticleService articles;
    private final BylineService bylines;
    private final ChangeLog changes;
    private final ObjectMapper json;
    private final JsonInputs inputs;
    private final Clock clock;

    public LiveEntryService(LiveEntryRepository entries, ArticleWriteService articleWrites, ArticleService articles,
                            BylineService bylines, ChangeLog changes, ObjectMapper json, JsonInputs inputs, Clock clock) {
        this.entries = entries;
        this.articleWrites = articleWrites;
        this.articles = articles;
        this.bylines = bylines;
        this.changes = changes;
        this.json = json;
        this.inputs = inputs;
        this.clock = clock;
    }

    /** An entry with what its ETag is made of. */
    public record Stored(LiveEntryView view, long version, Instant updatedAt, Set<String> keys) {
    }

    /** A page with the purge keys of what it shows. */
    public record Listing(LiveEntryPage page, Set<String> keys) {
    }

    @Transactional
    public Stored create(String articleKey, LiveEntryInput input) {
        Article a = lockArticle(articleKey);
        if (!a.live) {
            throw ProblemException.conflict("The article is not a live blog; set `live: true` on it first.");
        }
        Instant now = now();
        LiveEntry e = new LiveEntry();
        e.articleId = a.id;
        e.createdAt = now;
        e.at = input.at() == null ? now : input.at().truncatedTo(ChronoUnit.MICROS);
        apply(e, input);
        write(a, e, now);
        entries.persist(e);
        touch(a, now, ChangeType.ENTRY_ADDED);
        Log.infof("Live entry %s added to %s", e.id, a.id);
        return stored(e);
    }

    /** RFC 7396 applied to the entry as editors wrote it, then validated as a POST is. */
    @Transactional
    public Stored patch(String articleKey, String entryId, String ifMatch, JsonNode patch) {
        Preconditions.requirePresent(ifMatch);
        Article a = lockArticle(articleKey);
        LiveEntry e = require(a.id, entryId);
        Preconditions.checkCurrent(ifMatch, e.version, () -> bytes(e));
        LiveEntryInput input = inputs.patch(currentInput(e), patch, LiveEntryInput.class);
        Instant now = now();
        if (input.at() != null) {
            e.at = input.at().truncatedTo(ChronoUnit.MICROS);
        }
        apply(e, input);
        write(a, e, now);
        touch(a, now, ChangeType.ENTRY_UPDATED);
        return stored(e);
    }

    /** Leaves a tombstone, so that polls with {@code since} learn of the delete. */
    @Transactional
    public void delete(String articleKey, String entryId, String ifMatch) {
        Preconditions.requirePresent(ifMatch);
        Article a = lockArticle(articleKey);
        LiveEntry e = require(a.id, entryId);
        Preconditions.checkCurrent(ifMatch, e.version, () -> bytes(e));
        Instant now = now();
        e.deletedAt = now;
        e.bylineIds.clear();
        write(a, e, now);
        touch(a, now, ChangeType.ENTRY_DELETED);
        Log.infof("Live entry %s deleted from %s", e.id, a.id);
    }

    /** One entry of a blog the caller may read. */
    @ReadOnlyTransaction(replica = true)
    public Stored get(String articleKey, String entryId) {
        UUID articleId = visible(articleKey);
        LiveEntry e = require(articleId, entryId);
        return stored(e);
    }

    /**
     * A page of a blog the caller may read: its entries, or with {@code since} (a {@code latest} of an earlier answer)
     * those written after it; newest first, by keyset ({@code cursor}).
     */
    @ReadOnlyTransaction(replica = true)
    public Listing page(String articleKey, String since, String cursor, int limit) {
        UUID articleId = visible(articleKey);
        Long after = since == null ? null : sincePosition(since, articleId);
        Cursor position = cursor == null ? null : Cursor.decode(cursor, ORDER);
        Instant afterAt = null;
        UUID afterId = null;
        if (position != null) {
            try {
                afterAt = Instant.parse(position.key());
                afterId = UUID.fromString(position.id());
            } catch (RuntimeException ex) {
                throw ProblemException.invalid("cursor", "is not a cursor this API issued");
            }
        }
        // `latest` is read before the entries: a write committed in between is then shown again on the next poll
        // rather than never (each statement sees what has committed when it starts)
        long latestChange = entries.lastChange(articleId);
        List<LiveEntry> rows = entries.findPage(articleId, after, afterAt, afterId, limit);
        boolean more = rows.size() > limit;
        List<LiveEntry> shown = more ? rows.subList(0, limit) : rows;
        Map<UUID, List<Byline>> credits = entries.findBylines(shown);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Article.key(articleId));
        List<LiveEntryView> items = new ArrayList<>();
        for (LiveEntry e : shown) {
            List<Byline> credited = credits.getOrDefault(e.id, List.of());
            credited.forEach(b -> keys.add("byline-" + b.slug));
            items.add(view(e, credited));
        }
        LiveEntry last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        String next = more ? new Cursor(ORDER, last.at.toString(), last.id.toString()).encode() : null;
        String latest = new Cursor(SINCE_ORDER, Long.toString(latestChange), articleId.toString()).encode();
        return new Listing(new LiveEntryPage(items, new PageInfo(limit, next, null), latest), keys);
    }

    /** Whether the blog has this entry (not deleted). */
    @Transactional
    public boolean has(UUID articleId, UUID entryId) {
        return entries.findOf(articleId, entryId).filter(e -> e.deletedAt == null).isPresent();
    }

    /** The newest entries a blog shows, for its schema.org document. */
    @ReadOnlyTransaction(replica = true)
    public List<LiveEntry> latest(UUID articleId, int limit) {
        return entries.findLatest(articleId, limit);
    }

    /** The article id of a blog the current caller may read: 404 when the rights withhold it. */
    private UUID visible(String articleKey) {
        ArticleService.Lookup lookup = articles.get(articleKey, new ArticleShape(null, Set.of()), Rights.Channel.READ);
        if (lookup.movedTo() != null) {
            // a former slug: the blog is found by its current one
            lookup = articles.get(lookup.movedTo(), new ArticleShape(null, Set.of()), Rights.Channel.READ);
        }
        return lookup.article().summary().id();
    }

    private static long sincePosition(String since, UUID articleId) {
        try {
            Cursor c = Cursor.decode(since, SINCE_ORDER);
            long seq = Long.parseLong(c.key());
            if (seq < 0 || !c.id().equals(articleId.toString())) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (ProblemException | NumberFormatException e) {
            throw ProblemException.invalid("since", "is not a `latest` of this blog's entries; omit it to start again");
        }
    }

    private LiveEntry require(UUID articleId, String entryId) {
        return Ids.parse(entryId).flatMap(id -> entries.findOf(articleId, id)).filter(e -> e.deletedAt == null)
                .orElseThrow(() -> ProblemException.notFound("entry", entryId));
    }

    /** Finds the article (any workflow state, not deleted) and locks its row, so entry writes queue. */
    private Article lockArticle(String articleKey) {
        Article a = articleWrites.require(articleKey);
        EntityManager em = entries.getEntityManager();
        em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
        if (a.deletedAt != null) {
            throw ProblemException.notFound("article", articleKey);
        }
        return a;
    }

    private void apply(LiveEntry e, LiveEntryInput in) {
        List<FieldError> errors = new ArrayList<>();
        List<UUID> credited = new ArrayList<>();
        List<String> keys = in.bylines() == null ? List.of() : in.bylines();
        for (int i = 0; i < keys.size(); i++) {
            Optional<Byline> byline = bylines.find(keys.get(i));
            if (byline.isEmpty()) {
                errors.add(new FieldError("bylines[" + i + "]", "no byline '" + keys.get(i) + "'"));
            } else if (credited.contains(byline.get().id)) {
                errors.add(new FieldError("bylines[" + i + "]", "is listed twice"));
            } else {
                credited.add(byline.get().id);
            }
        }
        String html = HtmlSanitizer.sanitize(in.body().html());
        BodyText text = BodyText.of(html);
        if (text.text().isBlank()) {
            errors.add(new FieldError("body.html", "must have some text once sanitised"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        e.title = in.title() == null || in.title().isBlank() ? null : in.title().strip();
        e.bodyHtml = html;
        e.bodyText = text.text();
        e.keyEvent = Boolean.TRUE.equals(in.keyEvent());
        e.pinned = Boolean.TRUE.equals(in.pinned());
        LiveEntryInput.ImageInput image = in.image();
        e.picture = image == null ? null : new LiveEntry.Picture(image.url(), image.alt(),
                image.caption() == null || image.caption().isBlank() ? null : image.caption().strip(),
                image.credit() == null || image.credit().isBlank() ? null : image.credit().strip());
        if (!e.bylineIds.equals(credited)) {
            e.bylineIds.clear();
            e.bylineIds.addAll(credited);
        }
    }

    /** Stamps the entry with the blog's next entry number (the article row is locked). */
    private void write(Article a, LiveEntry e, Instant now) {
        e.updatedAt = now;
        e.changeSeq = entries.lastChange(a.id) + 1;
    }

    /** The article is a new version with every entry write; partners learn of it when they may see the article. */
    private void touch(Article a, Instant now, ChangeType type) {
        EntityManager em = entries.getEntityManager();
        a.updatedAt = now;
        long version = a.version;
        em.flush();
        if (a.version == version) {
            em.lock(a, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        if (a.status == ArticleStatus.PUBLISHED && a.deletedAt == null) {
            changes.record(type, a);
        }
    }

    private Stored stored(LiveEntry e) {
        entries.getEntityManager().flush();
        List<Byline> credited = entries.findBylines(List.of(e)).getOrDefault(e.id, List.of());
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Article.key(e.articleId));
        credited.forEach(b -> keys.add("byline-" + b.slug));
        return new Stored(view(e, credited), e.version, e.updatedAt, keys);
    }

    private byte[] bytes(LiveEntry e) {
        try {
            return json.writeValueAsBytes(stored(e).view());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot serialise entry " + e.id, ex);
        }
    }

    static LiveEntryView view(LiveEntry e, List<Byline> credited) {
        if (e.deletedAt != null) {
            return new LiveEntryView(e.id, e.articleId, null, null, null, null, null, null, null, e.updatedAt, true);
        }
        return new LiveEntryView(e.id, e.articleId, e.at, e.title, new Body(e.bodyHtml, e.bodyText),
                credited.stream().map(b -> new LiveEntryView.Credit(b.slug, b.name)).toList(),
                e.picture == null ? null : new LiveEntryView.Image(e.picture.url(), e.picture.alt(), e.picture.caption(),
                        e.picture.credit()),
                e.keyEvent, e.pinned, e.updatedAt, false);
    }

    /** The entry as an editor would write it: what a merge-patch applies to. */
    private LiveEntryInput currentInput(LiveEntry e) {
        List<String> credited = entries.findBylines(List.of(e)).getOrDefault(e.id, List.of()).stream().map(b -> b.slug).toList();
        return new LiveEntryInput(e.at, e.title, new LiveEntryInput.BodyInput(e.bodyHtml), credited,
                e.picture == null ? null : new LiveEntryInput.ImageInput(e.picture.url(), e.picture.alt(), e.picture.caption(),
                        e.picture.credit()),
                e.keyEvent, e.pinned);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
