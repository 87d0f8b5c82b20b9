package news.dispatch.syndication;

import news.dispatch.access.Caller;
import news.dispatch.common.IdList;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one rule of what a caller may take (API.md "Rights"): a live article is shown to a
 * restricted caller only when syndication is allowed, its embargo has passed, and it lies within
 * the key's entitlements (its section among the key's sections, and one of its tags among the
 * key's tags; an empty set means all). The same rule exists twice, as a Java predicate over
 * {@link Facts} (change feed, webhooks, single articles) and as a query condition (JPQL for lists and
 * feeds, SQL for search), and nowhere else.
 */
public final class Rights {

    private Rights() {
    }

    /** Where content leaves the API: syndication formats are restricted for everyone below editor. */
    public enum Channel {
        /** The article JSON API and search: rights apply to partner keys only. */
        READ,
        /** Feeds, the change feed, ninjs, webhooks: rights apply to anonymous callers and partners. */
        SYNDICATION
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
        if (caller.isEditor()) {
            return false;
        }
        return channel == Channel.SYNDICATION || caller.isPartner();
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
        if (!applies(caller, channel)) {
            return true;
        }
        if (!article.syndicationAllowed()) {
            return false;
        }
        if (article.embargoUntil() != null && article.embargoUntil().isAfter(at)) {
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
        return applies(caller, channel) && !caller.tagIds().isEmpty();
    }

    /**
     * The same rule (less the "live" part, which every article query already has) as a JPQL
     * condition on the article alias {@code a}.
     */
    public static Clause jpql(Caller caller, Channel channel, Instant now) {
        if (!applies(caller, channel)) {
            return Clause.NONE;
        }
        StringBuilder jpql = new StringBuilder("a.syndicationAllowed = true and (a.embargoUntil is null or a.embargoUntil <= :rightsNow)");
        StringBuilder sql = new StringBuilder("a.syndication_allowed = true and (a.embargo_until is null or a.embargo_until <= :rightsNow)");
        Map<String, Object> params = new HashMap<>();
        params.put("rightsNow", now);
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
