package news.dispatch.web;

import news.dispatch.web.problem.ProblemException;
import news.dispatch.web.problem.ProblemType;

import java.util.function.Supplier;

/**
 * If-Match on writes (RFC 9110 13.1.1). The ETag of an editable resource reads
 * {@code "<version>.<hash>"}; writes compare the whole tag with the ETag of the current
 * representation ({@link #checkCurrent}, docs/decisions/092-if-match-compares-the-whole-etag.md).
 */
public final class Preconditions {

    private Preconditions() {
    }

    /** 428 without If-Match, 412 when none of its tags names the current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        requirePresent(ifMatch);
        checkMatch(ifMatch, currentVersion);
    }

    /** 428 without If-Match; checked before any lookup, the version is compared once the row is locked. */
    public static void requirePresent(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of your copy, so that an edit made meanwhile is not overwritten.");
        }
    }

    /**
     * Nothing without If-Match; 412 when none of its tags names the current version. Compares the version
     * part only: writes use {@link #checkCurrent}, which compares the whole tag.
     */
    public static void checkMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            Long version = version(tag);
            if (version != null && version == currentVersion) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The resource has changed since the ETag in If-Match: fetch it again, reapply your edit and retry.");
    }

    /**
     * Nothing without If-Match; 412 unless one of its tags is {@code *} or is, whole, the ETag of the
     * resource's current representation (RFC 9110 strong comparison). The version part picks the
     * candidates; the representation is computed only when a tag names the current version, so a
     * stale write costs nothing more.
     */
    public static void checkCurrent(String ifMatch, long currentVersion, Supplier<byte[]> representation) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = null;
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            Long version = version(tag);
            if (version != null && version == currentVersion) {
                if (current == null) {
                    current = Representations.etag(currentVersion, representation.get());
                }
                if (tag.equals(current) || tag.equals(ContentCoding.GZIP.etag(current))
                        || tag.equals(ContentCoding.BROTLI.etag(current))) {
                    return; // a compressed copy's tag names the same representation (decision 085)
                }
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The resource has changed since the ETag in If-Match: fetch it again, reapply your edit and retry.");
    }

    /** The version of a tag such as {@code "3.abc"}, null when the tag has none (or is weak: If-Match compares strongly). */
    static Long version(String tag) {
        if (tag.length() < 2 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            return null;
        }
        String opaque = tag.substring(1, tag.length() - 1);
        int dot = opaque.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            return Long.parseLong(opaque.substring(0, dot));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
