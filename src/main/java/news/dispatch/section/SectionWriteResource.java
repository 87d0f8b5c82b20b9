package news.dispatch.section;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import news.dispatch.access.Roles;
import news.dispatch.taxonomy.TaxonomyWriteResource;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Editors' writes of sections: {@link TaxonomyWriteResource}, worded by {@link SectionWriteDocs}. Reads live in
 * {@link SectionResource}.
 */
@Path("/v1/sections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Sections")
public class SectionWriteResource extends TaxonomyWriteResource<Section, SectionInput> {

    public SectionWriteResource(SectionWriteService writes, Representations representations) {
        super(writes, representations);
    }
}
