package news.dispatch.article;

import news.dispatch.tag.TagType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A tag on an article.")
public record TagRef(
        @Schema(examples = "mustafa-al-kadhimi") String slug,
        @Schema(examples = "Mustafa al-Kadhimi") String name,
        @Schema(examples = "person") TagType type,
        @Schema(description = "Which way the name runs (from its first strong letter): `rtl` or `ltr`.",
                enumeration = {"ltr", "rtl"}, examples = "ltr") String direction) {
}
