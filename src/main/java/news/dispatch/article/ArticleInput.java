package news.dispatch.article;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.dispatch.text.Slugifier;
import news.dispatch.web.HttpUrl;
import news.dispatch.web.SingleLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * An article as the newsroom writes it (POST, PUT, and the document a merge-patch applies to).
 * Body HTML is sanitised; plain text, word count and reading time are derived from it.
 */
@Schema(description = "An article as editors write it. PUT replaces every field; PATCH (merge-patch) changes the ones it names.")
public record ArticleInput(
        @Schema(description = "URL slug; made from the headline when absent. Frozen once published unless set explicitly "
                + "(the old slug then answers 301).", examples = "iraqi-prime-minister-to-meet-biden", nullable = true)
        @Size(max = Slugifier.MAX_LENGTH) @Pattern(regexp = Slugifier.PATTERN, message = SLUG_MESSAGE) String slug,
        @Schema(examples = "Iraqi prime minister to meet Biden in Washington this month")
        @NotBlank @SingleLine @Size(max = 500) String headline,
        @Schema(description = "Short summary (dek).", nullable = true) @Size(max = 2000) String standfirst,
        @Schema(nullable = true) @Valid DatelineInput dateline,
        @NotNull @Valid BodyInput body,
        @Schema(nullable = true) @Valid LeadImageInput leadImage,
        @Schema(description = "BCP 47 language tag; `en` when absent.", examples = "en", nullable = true)
        @Pattern(regexp = LANGUAGE, message = "must be a BCP 47 language tag such as en or ckb") String language,
        @Schema(description = "Section slug or id.", examples = "politics", nullable = true) @Size(max = 200) String section,
        @Schema(description = "Tag slugs or ids, in the editor's order.")
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> tags,
        @Schema(description = "Bylines in credit order.") @Size(max = 20) List<@NotNull @Valid CreditInput> bylines,
        @Schema(nullable = true) @Valid SyndicationInput syndication,
        @Schema(description = "Workflow state: `draft` (default on create), `scheduled` (with `publishAt`), `published` or "
                + "`unpublished`. Absent on PUT or PATCH: unchanged.", nullable = true) ArticleStatus status,
        @Schema(description = "For `scheduled`: when the article becomes visible (in the future).", nullable = true)
        Instant publishAt,
        @Schema(description = "Slug or id of the same story in another language: this article joins its translations "
                + "(each language once). `\"\"` leaves them; absent or null: unchanged.", examples = "kurdistan-votes",
                nullable = true)
        @Size(max = 200) String translationOf,
        @Schema(description = "A live blog: entries are added under `/v1/articles/{slug}/entries` (decision 160). "
                + "False when absent.", nullable = true) Boolean live,
        @Schema(nullable = true) @Valid CoverageInput coverage) {

    static final String SLUG_MESSAGE = "must be lower-case letters and digits in words joined by single hyphens (at most 80)";
    static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*";

    @Schema(name = "CoverageInput", description = "When a live blog's coverage starts and ends.")
    public record CoverageInput(
            @Schema(description = "When coverage started; absent: when the blog is first published.", nullable = true)
            Instant start,
            @Schema(description = "When coverage ended (or will end); absent while the blog runs.", nullable = true)
            Instant end) {
    }

    @Schema(name = "DatelineInput", description = "Where and by whom the story was filed.")
    public record DatelineInput(
            @Schema(examples = "SULAIMANI", nullable = true) @SingleLine @Size(max = 200) String place,
            @Schema(examples = "ESTA", nullable = true) @SingleLine @Size(max = 200) String source) {
    }

    @Schema(name = "BodyInput", description = "The body as HTML; sanitised on write with an allow-list.")
    public record BodyInput(
            @Schema(examples = "<p>Iraqi Prime Minister Mustafa al-Kadhimi will pay a visit…</p>")
            @NotNull @Size(max = 500_000) String html) {
    }

    @Schema(name = "LeadImageInput", description = "The lead image.")
    public record LeadImageInput(
            @Schema(description = "Absolute http or https URL; taken from the image when `imageId` is given.",
                    nullable = true, examples = "https://www.example.com/media/kadhimi.jpg", format = "uri", pattern = HttpUrl.PATTERN)
            @Size(max = 2000) @HttpUrl String url,
            @Schema(nullable = true) @SingleLine @Size(max = 1000) String caption,
            @Schema(nullable = true) @SingleLine @Size(max = 500) String credit,
            @Schema(description = "A file photo, not taken for this story.", nullable = true) Boolean filePhoto,
            @Schema(description = "Alternative text for screen readers.") @NotBlank @SingleLine @Size(max = 1000) String alt,
            @Schema(nullable = true) @Min(1) @Max(20_000) Integer width,
            @Schema(nullable = true) @Min(1) @Max(20_000) Integer height,
            @Schema(description = "An uploaded image (`POST /v1/images`): the article then shows its size, focal point and "
                    + "renditions, and its caption and credit where none are given here.", nullable = true) java.util.UUID imageId) {
    }

    @Schema(name = "BylineCreditInput", description = "A byline credited on the article.")
    public record CreditInput(
            @Schema(description = "Byline slug or id.", examples = "esta") @NotBlank @Size(max = 200) String byline,
            @Schema(description = "Role: author (default), agency, contributor or photographer.", nullable = true) BylineRole role) {
    }

    @Schema(name = "SyndicationInput", description = "Rights for partner sites.")
    public record SyndicationInput(
            @Schema(description = "Whether partners may republish; true when absent.", nullable = true) Boolean allowed,
            @Schema(description = "Partners may not show the article before this time.", nullable = true) Instant embargoUntil) {
    }
}
