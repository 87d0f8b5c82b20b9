package news.dispatch.front;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.common.Ids;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FrontRepository implements PanacheRepositoryBase<Front, UUID> {

    public Optional<Front> findBySlugOrId(String key) {
        return Ids.parse(key).flatMap(this::findByIdOptional)
                .or(() -> find("slug", key).firstResultOptional());
    }
}
