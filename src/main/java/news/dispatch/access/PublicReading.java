package news.dispatch.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * While {@code dispatch.access.public-read} is on, the anonymous identity holds {@link Roles#READER}, the role of every
 * operation without a security annotation: anonymous callers read. Off, reading takes a key (decision 165).
 */
@ApplicationScoped
public class PublicReading implements SecurityIdentityAugmentor {

    private static final Uni<SecurityIdentity> ANONYMOUS_READER = Uni.createFrom()
            .item(QuarkusSecurityIdentity.builder().setAnonymous(true).addRole(Roles.READER).build());

    private final boolean publicRead;

    public PublicReading(AccessConfig config) {
        this.publicRead = config.publicRead();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return publicRead && identity.isAnonymous() ? ANONYMOUS_READER : Uni.createFrom().item(identity);
    }
}
