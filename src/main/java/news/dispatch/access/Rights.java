package news.dispatch.access;

import news.dispatch.common.IdList;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one rule of what a caller may see (API.md "Rights", decision 102). Editors and admins see every
 * live article. Everyone else sees a live article only once its embargo has passed: an embargo holds a
 * story back from publication, not only from partners. Partner keys everywhere, and every caller below
 * editor in the syndication formats, are restricted further: syndication must be allowed and the article
 * must lie within the key's entitlements (its section among the key's sections, and one of its tags among
 * the key's tags; an empty set means all). The outlet's own anonymous readers of the article JSON read
 * stories whose syndication is not allowed: that flag governs republication by partners, not reading.
 * The same rule exists twice, as a Java predicate over {@link Facts} (change feed, webhooks, single
 * articles) and as a query condition (JPQL for lists and feeds, SQL for search), and nowhere else.
 */
public final class Rights {

    private Rights() {
    }

    /** Where content leaves the API: syndication formats are restricted for everyone below editor. */
    public enum Channel {
        /** The article JSON API, schema.org and search: the whole rule for partner keys, the embargo for readers. */
        READ,
        /** Feeds, the change feed, ninjs, webhooks: the whole rule for anonymous callers and partners. */
        SYNDICATION
    }

    /** How much of the rule a caller gets on a channel. */
    public enum Extent {
        /** Editors and admins: every live article. */
        NONE,
        /** The outlet's readers of the article JSON: no story before its embargo has passed. */
        EMBARGO,
        /** Partners, and everyone below editor in syndication formats: embargo, syndication allowed, entitlements. */
        FULL
    }

    public static Extent extent(Caller caller, Channel channel) {
        if (caller.isEditor()) {
            return Extent.NONE;
        }
        return channel == Channel.SYNDICATION || caller.isPartner() ? Extent.FULL : Extent.EMBARGO;
    }

    /** What the rule reads of an article. */
    public record Facts(boolean live, boolean syndicationAllowed, Instant embargoUntil, UUID sectionId,
                        Collection<UUID> tagIds) {
    }

    /**
     * The condition over the article alias {@code a}, in JPQL and in SQL (for native queries such as
     * search), sharing one set of parameters; {@code "1 = 1"} when nothing applies.
     */
    public record Clause(String jpql, String sql, Map<String, Object> params) {
        public static final Clause NONE = new Clause("1 = 1", "1 = 1", Map.of());
    }

    /** Whether the rights rule restricts this caller on this channel. Editors and admins see everything. */
    public static boolean applies(Caller caller, Channel channel) {
        return extent(caller, channel) != Extent.NONE;
    }

    /** Whether the caller receives full text in syndication formats (else a summary). */
    public static boolean fullText(Caller caller) {
        return caller.isEditor() || (caller.isPartner() && caller.fullText());
    }

    /** Whether an article in this state may be shown to the caller at the given time. */
    public static boolean allows(Caller caller, Channel channel, Facts article, Instant at) {
        if (!article.live()) {
            return false;
        }
        Extent extent = extent(caller, channel);
        if (extent == Extent.NONE) {
            return true;
        }
        if (article.embargoUntil() != null && article.embargoUntil().isAfter(at) && !caller.takesEmbargoed()) {
            return false;
        }
        if (extent == Extent.EMBARGO) {
            return true;
        }
        if (!article.syndicationAllowed()) {
            return false;
        }
        if (!caller.sectionIds().isEmpty()
                && (article.sectionId() == null || !caller.sectionIds().contains(article.sectionId()))) {
            return false;
        }
        return caller.tagIds().isEmpty() || article.tagIds().stream().anyMatch(caller.tagIds()::contains);
    }

    /**
     * Whether {@link #allows} reads an article's tag ids for this caller (a restricted caller whose key
     * names tags), so a caller of the rule that stores them in a compact form can skip decoding them.
     */
    public static boolean readsTags(Caller caller, Channel channel) {
        return extent(caller, channel) == Extent.FULL && !caller.tagIds().isEmpty();
    }

    /**
     * The same rule (less the "live" part, which every article query already has) as a JPQL
     * condition on the article alias {@code a}.
     */
    public static Clause jpql(Caller caller, Channel channel, Instant now) {
        Extent extent = extent(caller, channel);
        if (extent == Extent.NONE) {
            return Clause.NONE;
        }
        if (extent == Extent.EMBARGO) {
            return new Clause("(a.embargoUntil is null or a.embargoUntil <= :rightsNow)",
                    "(a.embargo_until is null or a.embargo_until <= :rightsNow)", Map.of("rightsNow", now));
        }
        // A partner key with early delivery takes embargoed stories before the lift (decision 164).
        boolean early = caller.takesEmbargoed();
        StringBuilder jpql = new StringBuilder(early ? "a.syndicationAllowed = true"
                : "a.syndicationAllowed = true and (a.embargoUntil is null or a.embargoUntil <= :rightsNow)");
        StringBuilder sql = new StringBuilder(early ? "a.syndication_allowed = true"
                : "a.syndication_allowed = true and (a.embargo_until is null or a.embargo_until <= :rightsNow)");
        Map<String, Object> params = new HashMap<>();
        if (!early) {
            params.put("rightsNow", now);
        }
        // Single parameters, not a collection one: Hibernate keeps a query plan only for those (IdList).
        if (!caller.sectionIds().isEmpty()) {
            String sections = IdList.bind("rightsSection", caller.sectionIds(), params);
            jpql.append(" and a.section.id in ").append(sections);
            sql.append(" and a.section_id in ").append(sections);
        }
        if (!caller.tagIds().isEmpty()) {
            String tags = IdList.bind("rightsTag", caller.tagIds(), params);
            jpql.append(" and exists (select 1 from ArticleTag rightsTag where rightsTag.article = a and rightsTag.tag.id in ")
                    .append(tags).append(')');
            sql.append(" and exists (select 1 from article_tag rights_tag where rights_tag.article_id = a.id"
                    + " and rights_tag.tag_id in ").append(tags).append(')');
        }
        return new Clause(jpql.toString(), sql.toString(), Map.copyOf(params));
    }
}
