package news.dispatch.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.dispatch.front.FrontInput;
import news.dispatch.front.FrontWriteService;

import java.util.List;
import java.util.UUID;

/**
 * The sample fronts (docs/decisions/153): a home front made of the sample articles and live blog, loaded after them
 * ({@link SampleLoader}) when the database has no front yet and the sample articles are there. Slots name articles by
 * slug in {@value #RESOURCE}; they are written through the editors' service, so the change feed has their entries.
 */
@ApplicationScoped
public class SampleFronts extends SamplePart {

    static final String RESOURCE = "sample/sample-fronts.json";

    /** The resource: fronts whose slots name articles by slug. */
    record Data(List<FrontData> fronts) {
    }

    record FrontData(String slug, String title, Integer position, List<CollectionData> collections) {
    }

    record CollectionData(String title, List<SlotData> items) {
    }

    record SlotData(String article, String headline) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final FrontWriteService fronts;

    public SampleFronts(EntityManager em, ObjectMapper json, FrontWriteService fronts) {
        super(2); // after the live blog, which the home front shows; before the alert
        this.em = em;
        this.json = json;
        this.fronts = fronts;
    }

    /** Loads the sample fronts unless there is a front already or a sample article is missing; answers whether it did. */
    @Override
    @Transactional
    public boolean load() {
        long existing = em.createQuery("select count(f) from Front f", Long.class).getSingleResult();
        if (existing > 0) {
            return false;
        }
        Data data = SampleResources.read(json, RESOURCE, Data.class);
        for (FrontData f : data.fronts()) {
            List<FrontInput.CollectionInput> collections = f.collections().stream()
                    .map(c -> new FrontInput.CollectionInput(c.title(), c.items().stream()
                            .map(s -> new FrontInput.SlotInput(articleId(s.article()), s.headline(), null)).toList()))
                    .toList();
            if (collections.stream().anyMatch(c -> c.items().stream().anyMatch(s -> s.article() == null))) {
                Log.infof("Sample front %s not loaded: its articles are not all there", f.slug());
                return false;
            }
            fronts.create(new FrontInput(f.title(), f.slug(), f.position(), collections));
        }
        Log.infof("Loaded the sample fronts: %d", data.fronts().size());
        return true;
    }

    private UUID articleId(String slug) {
        return em.createQuery("select a.id from Article a where a.slug = :slug and a.deletedAt is null", UUID.class)
                .setParameter("slug", slug).getResultStream().findFirst().orElse(null);
    }
}
