package news.dispatch.section;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import news.dispatch.taxonomy.TaxonomyWriteDocs;
import org.eclipse.microprofile.openapi.OASFilter;

/** Words the operations of {@link SectionWriteResource} in the OpenAPI document. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = TaxonomyWriteDocs.PRIORITY)
public class SectionWriteDocs extends TaxonomyWriteDocs implements OASFilter { // Quarkus takes filters that name OASFilter

    public SectionWriteDocs() {
        super("section", "articles (not deleted) are in it");
    }
}
