package news.dispatch.taxonomy;

import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.dispatch.access.Roles;
import news.dispatch.web.MergePatch;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Editors' writes of a section, tag or byline under its collection ({@code /v1/<noun>s}): create, replace,
 * merge-patch and delete, for editors ({@link Allowed} is read from the class that declares a method: here).
 * A family's resource adds its path and OpenAPI tag; {@link TaxonomyWriteDocs} words the operations for each
 * family in the OpenAPI document.
 *
 * @param <E> the entity
 * @param <I> what editors write
 */
@RolesAllowed(Roles.EDITOR)
public abstract class TaxonomyWriteResource<E extends TaxonomyEntity, I extends TaxonomyInput> {

    private final TaxonomyWriteService<E, I, ?> writes;
    private final Representations representations;

    protected TaxonomyWriteResource(TaxonomyWriteService<E, I, ?> writes, Representations representations) {
        this.writes = writes;
        this.representations = representations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull I input, @Context HttpHeaders headers) {
        E e = writes.create(input);
        return Representations.created(view(e, headers), "/v1/" + writes.noun() + "s/" + e.slug);
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull I input, @Context HttpHeaders headers) {
        return view(writes.replace(slug, ifMatch, input), headers);
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Response patch(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch,
                          @NotNull JsonNode patch, @Context HttpHeaders headers) {
        return view(writes.patch(slug, ifMatch, patch), headers);
    }

    @DELETE
    @Path("/{slug}")
    public Response delete(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
        writes.delete(slug, ifMatch);
        return Response.noContent().build();
    }

    /** The entity as written, with its ETag and Last-Modified. */
    protected Response view(E e, HttpHeaders headers) {
        return representations.stored(headers, writes.view(e), e.updatedAt, e.version);
    }
}
