package news.dispatch.access;

import java.util.Set;
import java.util.UUID;

/**
 * The caller of the current request, as the auth filter established it.
 *
 * @param keyId       the API key's id, null for anonymous callers
 * @param fullText    whether a partner may receive full article text (feeds, ninjs, change feed)
 * @param sectionIds  sections a partner is entitled to; empty means all
 * @param tagIds      tags a partner is entitled to; empty means all
 * @param earlyDelivery whether a partner takes embargoed stories before the lift (decision 164)
 */
public record Caller(Role role, UUID keyId, boolean fullText, Set<UUID> sectionIds, Set<UUID> tagIds,
                     boolean earlyDelivery) {

    public static final Caller ANONYMOUS = new Caller(Role.ANONYMOUS, null, false, Set.of(), Set.of());

    /** A caller without early delivery. */
    public Caller(Role role, UUID keyId, boolean fullText, Set<UUID> sectionIds, Set<UUID> tagIds) {
        this(role, keyId, fullText, sectionIds, tagIds, false);
    }

    /** A partner key that takes embargoed stories before the lift (decision 164). */
    public boolean takesEmbargoed() {
        return earlyDelivery && role == Role.PARTNER;
    }

    /** This caller as it reads channels that cannot mark an embargoed story (feeds): without early delivery. */
    public Caller withoutEarlyDelivery() {
        return earlyDelivery ? new Caller(role, keyId, fullText, sectionIds, tagIds, false) : this;
    }

    public boolean isEditor() {
        return role.atLeast(Role.EDITOR);
    }

    public boolean isPartner() {
        return role == Role.PARTNER;
    }
}
