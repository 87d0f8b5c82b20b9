package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Where and by whom the story was filed, as in \"SULAIMANI (ESTA) —\".")
public record Dateline(
        @Schema(description = "The place, as printed.", examples = "SULAIMANI", nullable = true) String place,
        @Schema(description = "The source or agency.", examples = "ESTA", nullable = true) String source) {
}
