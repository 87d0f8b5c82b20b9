package news.dispatch.access;

import java.util.Optional;
import java.util.UUID;

/**
 * The sections and tags a partner key may be limited to, as the key service checks them when a key is created.
 * The taxonomy packages implement these (SectionService, TagService), so access depends on no feature package
 * (docs/decisions/095).
 */
public final class KeyScopes {

    private KeyScopes() {
    }

    /** Sections by slug or id. */
    public interface Sections {
        /** The id of the section with this slug or id, if there is one. */
        Optional<UUID> sectionId(String slugOrId);
    }

    /** Tags by slug or id. */
    public interface Tags {
        /** The id of the tag with this slug or id, if there is one. */
        Optional<UUID> tagId(String slugOrId);
    }
}
