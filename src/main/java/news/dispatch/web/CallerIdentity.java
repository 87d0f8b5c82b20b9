package news.dispatch.web;

/**
 * Whether the current request comes from a known caller (an API key) rather than an anonymous reader. The
 * access package answers (its {@code CurrentCaller}); the HTTP kernel only needs this one fact to keep keyed
 * answers out of shared caches, so it depends on no access class (docs/decisions/095).
 */
public interface CallerIdentity {

    /** True when the request was authenticated with an API key of any role above anonymous. */
    boolean identified();
}
