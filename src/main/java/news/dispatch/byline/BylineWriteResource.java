package news.dispatch.byline;

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
 * Editors' writes of bylines: {@link TaxonomyWriteResource}, worded by {@link BylineWriteDocs}. Reads live in
 * {@link BylineResource}.
 */
@Path("/v1/bylines")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "apiKey")
@Tag(name = "Bylines")
public class BylineWriteResource extends TaxonomyWriteResource<Byline, BylineInput> {

    public BylineWriteResource(BylineWriteService writes, Representations representations) {
        super(writes, representations);
    }
}
