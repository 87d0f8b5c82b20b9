package news.dispatch.byline;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import news.dispatch.taxonomy.TaxonomyWriteDocs;
import org.eclipse.microprofile.openapi.OASFilter;

/** Words the operations of {@link BylineWriteResource} in the OpenAPI document. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = TaxonomyWriteDocs.PRIORITY)
public class BylineWriteDocs extends TaxonomyWriteDocs implements OASFilter { // Quarkus takes filters that name OASFilter

    public BylineWriteDocs() {
        super("byline", "articles still carry the byline");
    }
}
