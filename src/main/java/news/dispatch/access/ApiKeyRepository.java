package news.dispatch.access;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Optional<ApiKey> findBySecretHash(String hash) {
        return find("secretHash", hash).firstResultOptional();
    }

    /** Keys oldest first, after the given creation time and id. */
    public List<ApiKey> findPage(Instant afterCreated, UUID afterId, int limit) {
        if (afterCreated == null) {
            return find("order by createdAt, id").page(0, limit).list();
        }
        return find("createdAt > ?1 or (createdAt = ?1 and id > ?2) order by createdAt, id", afterCreated, afterId)
                .page(0, limit).list();
    }
}
