package news.dispatch.byline;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import news.dispatch.common.LowerCaseEnumConverter;
import news.dispatch.taxonomy.TaxonomyEntity;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "byline")
public class Byline extends TaxonomyEntity {

    @Column(name = "name_key", nullable = false)
    public String nameKey;

    @Convert(converter = KindConverter.class)
    @Column(nullable = false)
    public BylineKind kind;

    public String title;

    public String bio;

    @Column(name = "avatar_url")
    public String avatarUrl;

    @ElementCollection
    @CollectionTable(name = "byline_link", joinColumns = @JoinColumn(name = "byline_id"))
    @OrderColumn(name = "position")
    public List<BylineLink> links = new ArrayList<>();

    public static class KindConverter extends LowerCaseEnumConverter<BylineKind> {
        public KindConverter() {
            super(BylineKind.class);
        }
    }

    @Override
    protected String cacheKind() {
        return "byline";
    }
}
