package news.dispatch.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.dispatch.section.Section;

/** A read-only method that breaks its promise and stores something, to show that it is refused. */
@ApplicationScoped
public class ReadOnlyProbe {

    private final EntityManager em;

    public ReadOnlyProbe(EntityManager em) {
        this.em = em;
    }

    @ReadOnlyTransaction
    public void store(Section section) {
        em.persist(section);
    }
}
