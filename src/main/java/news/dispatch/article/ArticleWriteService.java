package news.dispatch.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import news.dispatch.access.CurrentCaller;
import news.dispatch.article.revision.ArticleRevisions;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineService;
import news.dispatch.section.Section;
import news.dispatch.section.SectionService;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagService;
import news.dispatch.text.BodyText;
import news.dispatch.text.HtmlSanitizer;
import news.dispatch.text.Slugifier;
import news.dispatch.web.JsonInputs;
import news.dispatch.web.Preconditions;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The newsroom's writes: create, replace, merge-patch, publish and schedule, unpublish, correct,
 * curate related links, delete. Each runs in one transaction: the article row is locked, the
 * If-Match version checked, the prior version kept as a revision, and every change partners can
 * see written to the change feed in the same transaction.
 */
@ApplicationScoped
public class ArticleWriteService {

    private final ArticleRepository articles;
    private final ArticleService reads;
    private final SectionService sections;
    private final TagService tags;
    private final BylineService bylines;
    private final ArticleChanges changes;
    private final ArticleRevisions revisions;
    private final CurrentCaller caller;
    private final ObjectMapper json;
    private final JsonInputs inputs;
    private final Clock clock;
    private final jakarta.enterprise.inject.Instance<LeadImageSource> leadImages;

    public ArticleWriteService(ArticleRepository articles, ArticleService reads, SectionService sections, TagService tags,
                               BylineService bylines, ArticleChanges changes, ArticleRevisions revisions, CurrentCaller caller,
                               ObjectMapper json, JsonInputs inputs, Clock clock,
                               jakarta.enterprise.inject.Instance<LeadImageSource> leadImages) {
        this.leadImages = leadImages;
        this.articles = articles;
        this.reads = reads;
        this.sections = sections;
        this.tags = tags;
        this.bylines = bylines;
        this.changes = changes;
        this.revisions = revisions;
        this.caller = caller;
        this.json = json;
        this.inputs = inputs;
        this.clock = clock;
    }

    /**
     * Creates the article in a transaction of its own. A slug made from the headline is the first free
     * one when the transaction looks, but another creation with the same headline may take it before this
     * one commits: the unique constraint then refuses the insert, and the creation is tried again in a new
     * transaction, which sees the other article and picks the next number. A slug the editor gave is
     * never changed: taken is a 409.
     */
    public Article create(ArticleInput input) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> createOnce(input));
            } catch (RuntimeException e) {
                if (input.slug() != null || attempt >= SLUG_ATTEMPTS || !slugTakenMeanwhile(e)) {
                    throw e;
                }
                Log.infof("Slug made from the headline was taken meanwhile; creating again (attempt %d)", attempt + 1);
            }
        }
    }

    /** Creations of one headline that may collide before one of them gives up with 409. */
    private static final int SLUG_ATTEMPTS = 8;

    private static boolean slugTakenMeanwhile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c
                    && c.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE
                    && c.getConstraintName() != null
                    && c.getConstraintName().toLowerCase(Locale.ROOT).contains("article_slug_uk")) {
                return true;
            }
        }
        return false;
    }

    private Article createOnce(ArticleInput input) {
        Instant now = now();
        Article a = new Article();
        a.createdAt = now;
        a.updatedAt = now;
        a.status = ArticleStatus.DRAFT;
        Visible before = Visible.of(a);
        apply(a, input, now, true);
        articles.persist(a);
        articles.getEntityManager().flush();
        record(before, a);
        Log.infof("Article %s created (%s)", a.id, a.status.value());
        return a;
    }

    @Transactional
    public Article replace(String key, String ifMatch, ArticleInput input) {
        Article a = lock(key, ifMatch, true);
        return update(a, input);
    }

    /** RFC 7396 applied to the article's current input, then bound and validated exactly as a PUT. */
    @Transactional
    public Article patch(String key, String ifMatch, JsonNode patch) {
        Article a = lock(key, ifMatch, true);
        ArticleInput input = inputs.patch(currentInput(a), patch, ArticleInput.class);
        return update(a, input);
    }

    @Transactional
    public Article publish(String key, String ifMatch, PublishInput input) {
        Article a = lock(key, ifMatch, false);
        Instant now = now();
        Instant at = input == null || input.at() == null ? null : input.at().truncatedTo(ChronoUnit.MICROS);
        ArticleStatus target = at != null && at.isAfter(now) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
        return change(a, now, () -> transition(a, target, at, now, "at"));
    }

    @Transactional
    public Article unpublish(String key, String ifMatch) {
        Article a = lock(key, ifMatch, false);
        Instant now = now();
        return change(a, now, () -> transition(a, ArticleStatus.UNPUBLISHED, null, now, "status"));
    }

    @Transactional
    public Article correct(String key, String ifMatch, CorrectionInput input) {
        Article a = lock(key, ifMatch, false);
        Instant now = now();
        return change(a, now, () -> a.corrections.add(new ArticleCorrection(a, now, input.text().trim())), ArticleChanges.Kind.CORRECTION);
    }

    @Transactional
    public Article setRelated(String key, String ifMatch, List<RelatedLinkInput> links) {
        Article a = lock(key, ifMatch, false);
        List<FieldError> errors = new ArrayList<>();
        List<Article> targets = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            Optional<Article> target = articles.findLive(links.get(i).article());
            if (target.isEmpty()) {
                errors.add(new FieldError("[" + i + "].article", "no article '" + links.get(i).article() + "'"));
            } else if (target.get().id.equals(a.id)) {
                errors.add(new FieldError("[" + i + "].article", "an article cannot be related to itself"));
            } else if (!seen.add(target.get().id)) {
                errors.add(new FieldError("[" + i + "].article", "is listed twice"));
            }
            targets.add(target.orElse(null));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = now();
        return change(a, now, () -> {
            Map<UUID, ArticleRelated> existing = new HashMap<>();
            a.related.forEach(r -> existing.put(r.related.id, r));
            List<ArticleRelated> next = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                Relation relation = links.get(i).relation() == null ? Relation.RELATED : links.get(i).relation();
                ArticleRelated link = existing.remove(targets.get(i).id);
                if (link == null) {
                    link = new ArticleRelated(a, targets.get(i), i, relation);
                }
                link.position = i;
                link.relation = relation;
                next.add(link);
            }
            a.related.removeIf(r -> existing.containsKey(r.related.id));
            articles.getEntityManager().flush();
            next.stream().filter(r -> !a.related.contains(r)).forEach(a.related::add);
        });
    }

    /**
     * One kept version of the article; with {@code compare} (another kept version's number, or {@code current}
     * for the article as it is now) also the fields in which they differ.
     */
    @Transactional
    public news.dispatch.article.revision.RevisionView revision(String key, long version, String compare) {
        Article a = require(key);
        var revision = revisions.get(a.id, version);
        if (compare == null) {
            return revision;
        }
        ArticleInput other;
        if (compare.equals("current")) {
            other = currentInput(a);
        } else {
            long otherVersion;
            try {
                otherVersion = Long.parseLong(compare);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("compare", "must be a version number or 'current'");
            }
            other = otherVersion == a.version ? currentInput(a) : revisions.find(a.id, otherVersion)
                    .orElseThrow(() -> ProblemException.invalid("compare", "no version " + compare + " of this article"))
                    .content();
        }
        return revision.withDifferences(revisions.differences(revision.content(), other));
    }

    /**
     * Makes a kept version current again as a new version (the one it replaces is kept in turn): its
     * editorial content comes back as a PUT would bring it, while the slug, the workflow state and the
     * scheduled time stay as they are now. Tags, sections or bylines deleted since are a 400.
     */
    @Transactional
    public Article restore(String key, String ifMatch, long version) {
        Article a = lock(key, ifMatch, true);
        ArticleInput old = revisions.get(a.id, version).content();
        JsonNode tree = json.valueToTree(old);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).putNull("slug").putNull("status").putNull("publishAt");
        ArticleInput input;
        try {
            input = json.treeToValue(tree, ArticleInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable revision " + version + " of " + a.id, e);
        }
        Article restored = update(a, input);
        Log.infof("Article %s restored from version %d", a.id, version);
        return restored;
    }

    /** Soft delete: the row stays as a tombstone, the slug stays reserved, partners get a DELETE. */
    @Transactional
    public void delete(String key, String ifMatch) {
        Article a = lock(key, ifMatch, true);
        Instant now = now();
        revisions.keep(a.id, a.version, a.status, currentInput(a), now, caller.get().keyId());
        a.deletedAt = now;
        a.updatedAt = now;
        a.translationGroup = null; // a deleted version leaves its translations
        if (a.firstPublishedAt != null) {
            changes.record(ArticleChanges.Kind.DELETE, a);
        }
        Log.infof("Article %s deleted", a.id);
    }

    /** The editor lookup: any workflow state, not deleted. */
    @Transactional
    public Article require(String key) {
        return articles.findLive(key).orElseThrow(() -> ProblemException.notFound("article", key));
    }

    /** Publishes one scheduled article whose time has come; false when another instance or an edit got there first. */
    @Transactional
    public boolean publishScheduled(UUID id) {
        Article a = articles.getEntityManager().find(Article.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = now();
        if (a == null || a.deletedAt != null || a.status != ArticleStatus.SCHEDULED || a.publishedAt.isAfter(now)) {
            return false;
        }
        revisions.keep(a.id, a.version, a.status, currentInput(a), now, null);
        a.status = ArticleStatus.PUBLISHED;
        if (a.firstPublishedAt == null) {
            a.firstPublishedAt = a.publishedAt;
        }
        if (a.live && a.coverageStart == null) {
            a.coverageStart = a.publishedAt;
        }
        a.updatedAt = now;
        changes.record(ArticleChanges.Kind.PUBLISH, a);
        Log.infof("Scheduled article %s published", a.id);
        return true;
    }

    private Article update(Article a, ArticleInput input) {
        Instant now = now();
        return change(a, now, () -> apply(a, input, now, false));
    }

    private Article change(Article a, Instant now, Runnable edit) {
        return change(a, now, edit, ArticleChanges.Kind.UPDATE);
    }

    /**
     * Keeps the prior version, applies the edit, and records what partners must learn of it; an edit of a
     * visible article that stays visible is recorded as {@code edited} (an update or a correction).
     */
    private Article change(Article a, Instant now, Runnable edit, ArticleChanges.Kind edited) {
        revisions.keep(a.id, a.version, a.status, currentInput(a), now, caller.get().keyId());
        Visible before = Visible.of(a);
        edit.run();
        a.updatedAt = now;
        long version = a.version;
        articles.getEntityManager().flush();
        if (a.version == version) {
            // The row itself did not change (a correction or related links added within the second of the last write,
            // times being whole seconds): every write is still a new version, with its own ETag and revision.
            articles.getEntityManager().lock(a, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        record(before, a, edited);
        return a;
    }

    private void record(Visible before, Article a) {
        record(before, a, ArticleChanges.Kind.UPDATE);
    }

    private void record(Visible before, Article a, ArticleChanges.Kind edited) {
        Visible after = Visible.of(a);
        if (!before.visible() && after.visible()) {
            changes.record(ArticleChanges.Kind.PUBLISH, a);
            Log.infof("Article %s published", a.id);
        } else if (before.visible() && !after.visible()) {
            changes.record(ArticleChanges.Kind.UNPUBLISH, a);
            Log.infof("Article %s unpublished", a.id);
        } else if (before.visible()) {
            changes.record(edited, a);
            if (before.allowed() != after.allowed() || !Objects.equals(before.embargoUntil(), after.embargoUntil())) {
                changes.record(ArticleChanges.Kind.RIGHTS, a);
            }
        }
    }

    /** What partners can see of an article, to tell which change-feed events a write causes. */
    private record Visible(boolean visible, boolean allowed, Instant embargoUntil) {
        static Visible of(Article a) {
            return new Visible(a.status == ArticleStatus.PUBLISHED && a.deletedAt == null, a.syndicationAllowed, a.embargoUntil);
        }
    }

    /** Finds and locks the article (so concurrent writers queue), then checks If-Match. */
    private Article lock(String key, String ifMatch, boolean ifMatchRequired) {
        if (ifMatchRequired) {
            Preconditions.requirePresent(ifMatch);
        }
        UUID id = articles.findLiveId(key).orElseThrow(() -> ProblemException.notFound("article", key));
        EntityManager em = articles.getEntityManager();
        Article a = em.find(Article.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.deletedAt != null) {
            throw ProblemException.notFound("article", key);
        }
        // The whole ETag: the article as GET (and the last write) showed it, hash included.
        Preconditions.checkCurrent(ifMatch, a.version, () -> representation(a));
        return a;
    }

    /** The bytes of the article as GET shows it now (what its ETag's hash covers). */
    private byte[] representation(Article a) {
        try {
            return json.writeValueAsBytes(reads.get(a.id.toString()).article());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise article " + a.id, e);
        }
    }

    private void apply(Article a, ArticleInput in, Instant now, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        Section section = null;
        if (in.section() != null) {
            section = sections.find(in.section()).orElse(null);
            if (section == null) {
                errors.add(new FieldError("section", "no section '" + in.section() + "'"));
            }
        }
        List<Tag> tagList = new ArrayList<>();
        List<String> tagKeys = in.tags() == null ? List.of() : in.tags();
        for (int i = 0; i < tagKeys.size(); i++) {
            Optional<Tag> tag = tags.find(tagKeys.get(i));
            if (tag.isEmpty()) {
                errors.add(new FieldError("tags[" + i + "]", "no tag '" + tagKeys.get(i) + "'"));
            } else if (tagList.contains(tag.get())) {
                errors.add(new FieldError("tags[" + i + "]", "is listed twice"));
            } else {
                tagList.add(tag.get());
            }
        }
        List<Byline> bylineList = new ArrayList<>();
        List<ArticleInput.CreditInput> credits = in.bylines() == null ? List.of() : in.bylines();
        for (int i = 0; i < credits.size(); i++) {
            Optional<Byline> byline = bylines.find(credits.get(i).byline());
            if (byline.isEmpty()) {
                errors.add(new FieldError("bylines[" + i + "].byline", "no byline '" + credits.get(i).byline() + "'"));
            } else if (bylineList.contains(byline.get())) {
                errors.add(new FieldError("bylines[" + i + "].byline", "is listed twice"));
            } else {
                bylineList.add(byline.get());
            }
        }
        if (in.status() == ArticleStatus.SCHEDULED && in.publishAt() == null
                && !(a.status == ArticleStatus.SCHEDULED && a.publishedAt != null)) {
            errors.add(new FieldError("publishAt", "is required when status is scheduled"));
        } else if (in.status() == ArticleStatus.SCHEDULED && in.publishAt() != null && !in.publishAt().isAfter(now)) {
            errors.add(new FieldError("publishAt", "must be in the future"));
        }
        if (creating && in.status() == ArticleStatus.UNPUBLISHED) {
            errors.add(new FieldError("status", "a new article can be draft, scheduled or published"));
        }
        if (in.coverage() != null && in.coverage().start() != null && in.coverage().end() != null
                && in.coverage().end().isBefore(in.coverage().start())) {
            errors.add(new FieldError("coverage.end", "must not be before coverage.start"));
        }
        if (in.slug() != null && news.dispatch.common.Ids.parse(in.slug()).isPresent()) {
            errors.add(new FieldError("slug", "must not look like an id"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }

        String html = HtmlSanitizer.sanitize(in.body().html());
        BodyText stats = BodyText.of(html);
        a.headline = in.headline().strip();
        a.standfirst = blankToNull(in.standfirst());
        a.datelinePlace = in.dateline() == null ? null : blankToNull(in.dateline().place());
        a.datelineSource = in.dateline() == null ? null : blankToNull(in.dateline().source());
        a.bodyHtml = html;
        a.bodyText = stats.text();
        a.wordCount = stats.wordCount();
        a.readingMinutes = stats.readingMinutes();
        ArticleInput.LeadImageInput image = in.leadImage();
        LeadImageSource.Details uploaded = uploadedImage(image);
        a.leadImageId = uploaded == null ? null : uploaded.id();
        a.leadImageUrl = image == null ? null : uploaded == null ? image.url() : uploaded.url();
        a.leadImageCaption = image == null ? null : blankToNull(image.caption());
        a.leadImageCredit = image == null ? null : blankToNull(image.credit());
        a.leadImageFilePhoto = image == null ? null : Boolean.TRUE.equals(image.filePhoto());
        a.leadImageAlt = image == null ? null : image.alt();
        a.leadImageWidth = image == null ? null : uploaded == null ? image.width() : Integer.valueOf(uploaded.width());
        a.leadImageHeight = image == null ? null : uploaded == null ? image.height() : Integer.valueOf(uploaded.height());
        a.language = in.language() == null ? "en" : Locale.forLanguageTag(in.language()).toLanguageTag();
        a.section = section;
        a.syndicationAllowed = in.syndication() == null || in.syndication().allowed() == null || in.syndication().allowed();
        a.embargoUntil = in.syndication() == null || in.syndication().embargoUntil() == null ? null
                : in.syndication().embargoUntil().truncatedTo(ChronoUnit.MICROS);
        a.live = Boolean.TRUE.equals(in.live());
        a.coverageStart = in.coverage() == null || in.coverage().start() == null ? null
                : in.coverage().start().truncatedTo(ChronoUnit.MICROS);
        a.coverageEnd = in.coverage() == null || in.coverage().end() == null ? null
                : in.coverage().end().truncatedTo(ChronoUnit.MICROS);
        if (!creating) {
            a.spellForSearch(); // (a new article is spelled as it is stored)
        }
        setSlug(a, in, now, creating);
        setTranslation(a, in.translationOf());
        setTags(a, tagList);
        setBylines(a, bylineList, credits);
        if (creating) {
            transition(a, in.status() == null ? ArticleStatus.DRAFT : in.status(), in.publishAt(), now, "status");
        } else if (in.status() != null) {
            transition(a, in.status(), in.publishAt(), now, "status");
        }
    }

    /**
     * Joins (a slug or id), leaves ({@code ""}) or keeps (null) the article's translation group. The group is named by
     * the version first translated from; each language is in a group once (409), which also holds when the language of
     * an article in a group changes.
     */
    private void setTranslation(Article a, String translationOf) {
        if (translationOf != null) {
            if (translationOf.isBlank()) {
                a.translationGroup = null;
            } else {
                Article original = articles.findLive(translationOf.strip()).orElseThrow(() ->
                        ProblemException.invalid("translationOf", "names no article"));
                if (original.id.equals(a.id)) {
                    throw ProblemException.invalid("translationOf", "must name another article");
                }
                if (original.translationGroup == null) {
                    original.translationGroup = original.id;
                }
                a.translationGroup = original.translationGroup;
            }
        }
        if (a.translationGroup != null && articles.translationTaken(a.translationGroup, a.language, a.id)) {
            throw ProblemException.conflict("The story already has a version in '" + a.language + "'.");
        }
    }

    /**
     * Given slugs are taken as they are (409 when another article has or had them); without one the
     * slug follows the headline until the article is first published, and then stays.
     */
    private void setSlug(Article a, ArticleInput in, Instant now, boolean creating) {
        String wanted = in.slug();
        if (wanted == null) {
            if (!creating && a.firstPublishedAt != null) {
                return;
            }
            wanted = Slugifier.unique(Slugifier.from(a.headline, a.language), s -> articles.slugTaken(s, a.id));
        } else if (!wanted.equals(a.slug) && articles.slugTaken(wanted, a.id)) {
            throw ProblemException.conflict("The slug '" + wanted + "' is already used by another article.");
        }
        if (wanted.equals(a.slug)) {
            return;
        }
        EntityManager em = articles.getEntityManager();
        ArticleSlugHistory own = em.find(ArticleSlugHistory.class, wanted);
        if (own != null) {
            em.remove(own);
            em.flush();
        }
        if (a.slug != null && a.firstPublishedAt != null) {
            em.persist(new ArticleSlugHistory(a.slug, a, now));
        }
        a.slug = wanted;
    }

    private void setTags(Article a, List<Tag> wanted) {
        Map<UUID, ArticleTag> existing = new HashMap<>();
        a.tags.forEach(t -> existing.put(t.tag.id, t));
        List<ArticleTag> added = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            ArticleTag link = existing.remove(wanted.get(i).id);
            if (link == null) {
                added.add(new ArticleTag(a, wanted.get(i), i));
            } else {
                link.position = i;
            }
        }
        // Only what changes is touched: Hibernate counts any change of the collection (a sort in the same order
        // included) as a change of the article's tags, whose write drops every list and related post (decision 086).
        if (!existing.isEmpty()) {
            a.tags.removeIf(t -> existing.containsKey(t.tag.id));
        }
        if (!added.isEmpty()) {
            a.tags.addAll(added);
        }
        sortIfNeeded(a.tags, java.util.Comparator.comparingInt(t -> t.position));
    }

    /** Sorts a collection of an entity only when it is out of order (see {@link #setTags}). */
    private static <T> void sortIfNeeded(List<T> list, java.util.Comparator<T> order) {
        for (int i = 1; i < list.size(); i++) {
            if (order.compare(list.get(i - 1), list.get(i)) > 0) {
                list.sort(order);
                return;
            }
        }
    }

    private void setBylines(Article a, List<Byline> wanted, List<ArticleInput.CreditInput> credits) {
        Map<UUID, ArticleByline> existing = new HashMap<>();
        a.bylines.forEach(b -> existing.put(b.byline.id, b));
        List<ArticleByline> added = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            BylineRole role = credits.get(i).role() == null ? BylineRole.AUTHOR : credits.get(i).role();
            ArticleByline link = existing.remove(wanted.get(i).id);
            if (link == null) {
                added.add(new ArticleByline(a, wanted.get(i), i, role));
            } else {
                link.position = i;
                link.role = role;
            }
        }
        if (!existing.isEmpty()) {
            a.bylines.removeIf(b -> existing.containsKey(b.byline.id));
        }
        if (!added.isEmpty()) {
            a.bylines.addAll(added);
        }
        sortIfNeeded(a.bylines, java.util.Comparator.comparingInt(b -> b.position));
    }

    /**
     * The workflow (docs/decisions/023): draft → scheduled → published ⇄ unpublished. Publishing sets
     * publishedAt to now (a republication too) and firstPublishedAt only the first time.
     */
    private void transition(Article a, ArticleStatus target, Instant publishAt, Instant now, String field) {
        switch (target) {
            case DRAFT -> {
                if (a.status == ArticleStatus.PUBLISHED || a.status == ArticleStatus.UNPUBLISHED) {
                    throw ProblemException.conflict("A published article cannot become a draft again; unpublish it instead.");
                }
                a.status = ArticleStatus.DRAFT;
                a.publishedAt = null;
            }
            case SCHEDULED -> {
                if (a.status == ArticleStatus.PUBLISHED) {
                    throw ProblemException.conflict("The article is already published; unpublish it before scheduling it.");
                }
                if (publishAt != null) {
                    if (!publishAt.isAfter(now)) {
                        throw ProblemException.invalid(field.equals("at") ? "at" : "publishAt", "must be in the future");
                    }
                    a.publishedAt = publishAt.truncatedTo(ChronoUnit.MICROS);
                }
                a.status = ArticleStatus.SCHEDULED;
            }
            case PUBLISHED -> {
                if (a.status != ArticleStatus.PUBLISHED) {
                    a.status = ArticleStatus.PUBLISHED;
                    a.publishedAt = now;
                    if (a.firstPublishedAt == null) {
                        a.firstPublishedAt = now;
                    }
                }
                if (a.live && a.coverageStart == null) {
                    a.coverageStart = a.publishedAt;
                }
            }
            case UNPUBLISHED -> {
                if (a.status == ArticleStatus.DRAFT) {
                    throw ProblemException.conflict("A draft has not been published, so it cannot be unpublished.");
                }
                if (a.status == ArticleStatus.SCHEDULED) {
                    // Unpublishing a scheduled article cancels the schedule.
                    a.status = a.firstPublishedAt == null ? ArticleStatus.DRAFT : ArticleStatus.UNPUBLISHED;
                    a.publishedAt = a.firstPublishedAt == null ? null : a.firstPublishedAt;
                } else {
                    a.status = ArticleStatus.UNPUBLISHED;
                }
            }
        }
    }

    /** The article as an editor would write it: what a merge-patch applies to, and what revisions keep. */
    public ArticleInput currentInput(Article a) {
        return new ArticleInput(
                a.slug,
                a.headline,
                a.standfirst,
                a.datelinePlace == null && a.datelineSource == null ? null
                        : new ArticleInput.DatelineInput(a.datelinePlace, a.datelineSource),
                new ArticleInput.BodyInput(a.bodyHtml),
                a.leadImageUrl == null ? null : new ArticleInput.LeadImageInput(a.leadImageUrl, a.leadImageCaption,
                        a.leadImageCredit, a.leadImageFilePhoto, a.leadImageAlt, a.leadImageWidth, a.leadImageHeight, a.leadImageId),
                a.language,
                a.section == null ? null : a.section.slug,
                a.tags.stream().map(t -> t.tag.slug).toList(),
                a.bylines.stream().map(b -> new ArticleInput.CreditInput(b.byline.slug, b.role)).toList(),
                new ArticleInput.SyndicationInput(a.syndicationAllowed, a.embargoUntil),
                a.status,
                a.status == ArticleStatus.SCHEDULED ? a.publishedAt : null,
                null,
                a.live,
                a.coverageStart == null && a.coverageEnd == null ? null
                        : new ArticleInput.CoverageInput(a.coverageStart, a.coverageEnd));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** The uploaded image a lead image names, null for one given by URL; a lead image needs one or the other. */
    private LeadImageSource.Details uploadedImage(ArticleInput.LeadImageInput image) {
        if (image == null) {
            return null;
        }
        if (image.imageId() == null) {
            if (image.url() == null || image.url().isBlank()) {
                throw ProblemException.invalid("leadImage.url", "must not be blank");
            }
            return null;
        }
        return (leadImages.isResolvable() ? leadImages.get().find(image.imageId()) : java.util.Optional.<LeadImageSource.Details>empty())
                .orElseThrow(() -> ProblemException.invalid("leadImage.imageId", "is not an image's id"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
