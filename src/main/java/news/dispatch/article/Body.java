package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The article body.")
public record Body(
        @Schema(description = "Sanitised HTML.", examples = "<p>Iraqi Prime Minister Mustafa al-Kadhimi will pay a visit…</p>") String html,
        @Schema(description = "The same text without markup, paragraphs separated by blank lines.",
                examples = "Iraqi Prime Minister Mustafa al-Kadhimi will pay a visit…") String text) {
}
