package news.dispatch.tag;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import news.dispatch.taxonomy.TaxonomyWriteDocs;
import org.eclipse.microprofile.openapi.OASFilter;

/** Words the operations of {@link TagWriteResource} in the OpenAPI document (merging is annotated there). */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = TaxonomyWriteDocs.PRIORITY)
public class TagWriteDocs extends TaxonomyWriteDocs implements OASFilter { // Quarkus takes filters that name OASFilter

    public TagWriteDocs() {
        super("tag", "articles (not deleted) carry it: merge it instead");
    }
}
