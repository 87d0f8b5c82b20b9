package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The section an article belongs to.")
public record SectionRef(
        @Schema(examples = "politics") String slug,
        @Schema(examples = "Politics") String name) {
}
