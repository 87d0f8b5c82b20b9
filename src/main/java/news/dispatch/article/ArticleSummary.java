package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "An article without its body, corrections, navigation and related posts: what lists show.")
public record ArticleSummary(
        @Schema(description = "Time-ordered UUID (v7).") UUID id,
        @Schema(description = "Unique, URL-safe, stable once published.",
                examples = "iraqi-prime-minister-to-meet-biden-in-washington-this-month") String slug,
        @Schema(description = "Canonical URL on the outlet's site.",
                examples = "https://www.example.com/articles/iraqi-prime-minister-to-meet-biden-in-washington-this-month") String url,
        @Schema(examples = "Iraqi prime minister to meet Biden in Washington this month") String headline,
        @Schema(description = "Short summary (dek).", nullable = true) String standfirst,
        @Schema(nullable = true) Dateline dateline,
        @Schema(nullable = true) LeadImage leadImage,
        @Schema(nullable = true) SectionRef section,
        @Schema(description = "In the editor's order.") List<TagRef> tags,
        @Schema(description = "In credit order.") List<BylineCredit> bylines,
        @Schema(description = "BCP 47 language tag of the headline, standfirst, body and every other text of the article.",
                examples = "en") String language,
        @Schema(description = "Which way the article's text runs, from its language: `rtl` (Sorani, Arabic) or `ltr`.",
                enumeration = {"ltr", "rtl"}, examples = "ltr") String direction,
        @Schema(examples = "published") ArticleStatus status,
        @Schema(nullable = true, examples = "2021-07-10T09:30:00Z") Instant publishedAt,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant updatedAt,
        @Schema(nullable = true, examples = "2021-07-10T09:30:00Z") Instant firstPublishedAt,
        @Schema(examples = "480") int wordCount,
        @Schema(examples = "3") int readingMinutes,
        Syndication syndication,
        @Schema(description = "The published versions of the story in other languages, by language; empty when none.")
        List<Translation> translations,
        @Schema(description = "A live blog: its entries are at `/v1/articles/{slug}/entries` (decision 160).") boolean live,
        @Schema(nullable = true) Coverage coverage) {
}
