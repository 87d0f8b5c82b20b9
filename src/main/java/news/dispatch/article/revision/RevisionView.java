package news.dispatch.article.revision;

import news.dispatch.article.ArticleInput;
import news.dispatch.article.ArticleStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "An earlier version of an article, as editors wrote it.")
public record RevisionView(
        @Schema(description = "The article's version that this was (the number in its ETag).", examples = "3") long version,
        @Schema(description = "Its workflow state at the time.") ArticleStatus status,
        @Schema(description = "When an update replaced it.") Instant replacedAt,
        @Schema(description = "Id of the API key whose update replaced it.", nullable = true) UUID replacedBy,
        @Schema(description = "The article's editable fields in that version.") ArticleInput content) {
}
