package news.dispatch.article;

import jakarta.enterprise.context.ApplicationScoped;

import news.dispatch.text.Direction;

import java.util.List;

/** Entity to record conversion for articles. */
@ApplicationScoped
public class ArticleMapper {

    private final String siteUrl;
    private final java.time.Clock clock;

    public ArticleMapper(ArticleConfig config, java.time.Clock clock) {
        this.clock = clock;
        String base = config.siteUrl();
        this.siteUrl = base.endsWith("/") ? base : base + "/";
    }

    public ArticleSummary summary(Article a, List<ArticleByline> bylines, List<ArticleTag> tags) {
        return summary(a, bylines, tags, null);
    }

    /** The summary, with the translations among {@code group} (the visible versions of its translation group). */
    public ArticleSummary summary(Article a, List<ArticleByline> bylines, List<ArticleTag> tags, List<Article> group) {
        return new ArticleSummary(
                a.id,
                a.slug,
                siteUrl + a.slug,
                a.headline,
                a.standfirst,
                a.datelinePlace == null && a.datelineSource == null ? null : new Dateline(a.datelinePlace, a.datelineSource),
                a.leadImageUrl == null ? null : new LeadImage(a.leadImageUrl, a.leadImageCaption, a.leadImageCredit,
                        Boolean.TRUE.equals(a.leadImageFilePhoto), a.leadImageAlt, a.leadImageWidth, a.leadImageHeight),
                a.section == null ? null : new SectionRef(a.section.slug, a.section.name),
                tags == null ? List.of() : tags.stream().map(t -> new TagRef(t.tag.slug, t.tag.name, t.tag.type,
                        Direction.ofText(t.tag.name))).toList(),
                bylines == null ? List.of() : bylines.stream()
                        .map(b -> new BylineCredit(b.byline.slug, b.byline.name, b.byline.kind, b.role)).toList(),
                a.language,
                Direction.ofLanguage(a.language),
                a.status,
                a.publishedAt,
                a.updatedAt,
                a.firstPublishedAt,
                a.wordCount,
                a.readingMinutes,
                new Syndication(a.syndicationAllowed, a.embargoUntil,
                        a.embargoUntil != null && a.embargoUntil.isAfter(java.time.Instant.now(clock))),
                group == null ? List.of() : group.stream().filter(t -> !t.id.equals(a.id))
                        .map(t -> new Translation(t.id, t.language, Direction.ofLanguage(t.language), t.slug, t.headline,
                                siteUrl + t.slug, t.id.equals(t.translationGroup))).toList(),
                a.live,
                a.live ? new Coverage(a.coverageStart, a.coverageEnd) : null);
    }

    public Body body(Article a) {
        return new Body(a.bodyHtml, a.bodyText);
    }

    public List<Correction> corrections(List<ArticleCorrection> corrections) {
        return corrections.stream().map(c -> new Correction(c.correctedAt, c.note)).toList();
    }
}
