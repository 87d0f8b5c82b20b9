package news.dispatch.article;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import news.dispatch.taxonomy.TaxonomyWriteDocs;
import news.dispatch.web.OperationWording;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * Words the operations of the {@link TaxonomyArticlesResource}s, one a family, before the other filters add the
 * ninjs form and the standard problem responses.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = TaxonomyWriteDocs.PRIORITY)
public class TaxonomyArticlesDocs implements OASFilter {

    /** A family's noun, and what its list holds. */
    private record Family(String noun, String holds) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("section", "The published articles of the section, with every article list parameter."),
            new Family("tag", "The published articles carrying the tag, with every article list parameter (a `tag` "
                    + "parameter narrows further)."),
            new Family("byline", "The published articles credited to the byline, with every article list parameter."));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Family family : FAMILIES) {
            PathItem item = openAPI.getPaths().getPathItem("/v1/" + family.noun() + "s/{slug}/articles");
            if (item == null || item.getGET() == null) {
                continue;
            }
            String noun0 = Character.toUpperCase(family.noun().charAt(0)) + family.noun().substring(1);
            Operation get = OperationWording.worded(item.getGET(), "List a " + family.noun() + "'s articles", family.holds(),
                    "list" + noun0 + "Articles");
            // The slug is in the family's class path, which the scanner does not match with the inherited method.
            List<Parameter> parameters = new ArrayList<>();
            parameters.add(OASFactory.createParameter().description("The " + family.noun() + "'s slug or id.").name("slug")
                    .in(Parameter.In.PATH).required(true).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            if (get.getParameters() != null) {
                get.getParameters().stream().filter(p -> p.getIn() != Parameter.In.PATH).forEach(parameters::add);
            }
            get.setParameters(parameters);
            item.setGET(get);
        }
    }
}
