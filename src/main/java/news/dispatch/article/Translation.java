package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The same story in another language.")
public record Translation(
        @Schema(description = "The version's id: a CDN purge of `article-<id>` reaches every article listing it.")
        java.util.UUID id,
        @Schema(description = "BCP 47 language tag.", examples = "ckb") String language,
        @Schema(enumeration = {"ltr", "rtl"}, examples = "rtl") String direction,
        @Schema(examples = "serok-wezirani-eraq-serdani-wasnitin-dekat") String slug,
        @Schema(examples = "سەرۆک وەزیرانی عێراق سەردانی واشنتن دەکات") String headline,
        @Schema(examples = "https://www.example.com/articles/serok-wezirani-eraq-serdani-wasnitin-dekat") String url,
        @Schema(description = "Whether this is the version the others were translated from.") boolean original) {
}
