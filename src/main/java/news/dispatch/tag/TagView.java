package news.dispatch.tag;

import news.dispatch.text.Direction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A tag: a topic, person, place or organisation that articles are about.")
public record TagView(
        UUID id,
        @Schema(examples = "mustafa-al-kadhimi") String slug,
        @Schema(examples = "Mustafa al-Kadhimi") String name,
        @Schema(description = "Which way the name and description run (from the name's first strong letter): `rtl` or "
                + "`ltr`.", enumeration = {"ltr", "rtl"}, examples = "ltr") String direction,
        @Schema(examples = "person") TagType type,
        @Schema(nullable = true, examples = "Prime Minister of Iraq from 2020 to 2022") String description,
        @Schema(description = "How many published articles carry the tag, among those the caller may list (a partner key "
                + "counts only what its rights let it take).", examples = "12") long articleCount,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant updatedAt) {

    static TagView of(Tag t, long articleCount) {
        return new TagView(t.id, t.slug, t.name, Direction.ofText(t.name), t.type, t.description, articleCount, t.updatedAt);
    }
}
