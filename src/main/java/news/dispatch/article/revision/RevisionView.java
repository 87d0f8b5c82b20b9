package news.dispatch.article.revision;

import java.util.List;
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
        @Schema(description = "The article's editable fields in that version.") ArticleInput content,
        @Schema(description = "With `compare`: the fields in which this version differs from the other one, "
                + "`from` this version `to` the other (absent otherwise).", nullable = true)
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        List<Difference> differences) {

    @Schema(description = "A field whose value differs between two versions.")
    public record Difference(
            @Schema(description = "The field of the article input, with one level of nesting.", examples = "leadImage.caption")
            String field,
            @Schema(description = "Its value in this version, any JSON value (null when absent).", nullable = true)
            Object from,
            @Schema(description = "Its value in the compared version, any JSON value (null when absent).", nullable = true)
            Object to) {
    }

    public RevisionView withDifferences(List<Difference> differences) {
        return new RevisionView(version, status, replacedAt, replacedBy, content, differences);
    }
}
