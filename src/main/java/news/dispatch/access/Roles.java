package news.dispatch.access;

/**
 * The role names of {@code @RolesAllowed} (decision 165). A key's identity holds its own role and every one before it
 * ({@link Role}), so {@code @RolesAllowed(EDITOR)} admits admins; and every key holds {@link #READER}, which the
 * anonymous identity also holds while {@code dispatch.access.public-read} is on.
 */
public final class Roles {

    /**
     * Reading published content: the role of every operation without a security annotation
     * ({@code quarkus.security.jaxrs.default-roles-allowed}).
     */
    public static final String READER = "reader";
    public static final String PARTNER = "partner";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
