package news.dispatch.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import news.dispatch.common.LowerCaseEnumConverter;
import news.dispatch.taxonomy.TaxonomyEntity;

@Entity
@Table(name = "tag")
public class Tag extends TaxonomyEntity {

    /** The lower-cased name, kept for prefix search. */
    @Column(name = "name_key", nullable = false)
    public String nameKey;

    @Convert(converter = TagTypeConverter.class)
    @Column(nullable = false)
    public TagType type;

    public String description;

    public static class TagTypeConverter extends LowerCaseEnumConverter<TagType> {
        public TagTypeConverter() {
            super(TagType.class);
        }
    }

    @Override
    protected String cacheKind() {
        return "tag";
    }
}
