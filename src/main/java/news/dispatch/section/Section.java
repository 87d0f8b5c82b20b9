package news.dispatch.section;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import news.dispatch.taxonomy.TaxonomyEntity;

@Entity
@Table(name = "section")
public class Section extends TaxonomyEntity {

    public String description;

    @Column(nullable = false)
    public int position;

    @Override
    protected String cacheKind() {
        return "section";
    }
}
