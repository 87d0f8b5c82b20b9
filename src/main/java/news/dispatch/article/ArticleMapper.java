package news.dispatch.article;

import io.quarkus.arc.Arc;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import news.dispatch.access.CurrentCaller;
import news.dispatch.access.Rights;

import news.dispatch.text.Direction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Entity to record conversion for articles. */
@ApplicationScoped
public class ArticleMapper {

    private final String siteUrl;
    private final java.time.Clock clock;
    private final Instance<LeadImageSource> leadImages;
    private final CurrentCaller caller;

    public ArticleMapper(ArticleConfig config, java.time.Clock clock, Instance<LeadImageSource> leadImages, CurrentCaller caller) {
        this.clock = clock;
        String base = config.siteUrl();
        this.siteUrl = base.endsWith("/") ? base : base + "/";
        this.leadImages = leadImages;
        this.caller = caller;
    }

    public ArticleSummary summary(Article a, List<ArticleByline> bylines, List<ArticleTag> tags) {
        return summary(a, bylines, tags, null, Rights.Channel.READ);
    }

    /**
     * The summary, with the translations among {@code group} (the visible versions of its translation group), as the
     * current caller receives it on this channel (its lead image only where the image's own rights allow).
     */
    public ArticleSummary summary(Article a, List<ArticleByline> bylines, List<ArticleTag> tags, List<Article> group,
                                  Rights.Channel channel) {
        return new ArticleSummary(
                a.id,
                a.slug,
                siteUrl + a.slug,
                a.headline,
                a.standfirst,
                a.datelinePlace == null && a.datelineSource == null ? null : new Dateline(a.datelinePlace, a.datelineSource),
                leadImage(a, channel),
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

    /**
     * The lead image: an uploaded one as it is now (size, focal point, renditions), where the caller may receive it on
     * this channel ({@link #receivesEveryImage}); an image given by URL as stored.
     */
    LeadImage leadImage(Article a, Rights.Channel channel) {
        if (a.leadImageId != null && leadImages.isResolvable()) {
            var found = leadImages.get().find(a.leadImageId);
            if (found.isPresent()) {
                LeadImageSource.Details d = found.get();
                if (!d.syndicationAllowed() && !receivesEveryImage(channel)) {
                    return null;
                }
                return new LeadImage(d.url(), a.leadImageCaption != null ? a.leadImageCaption : d.caption(),
                        a.leadImageCredit != null ? a.leadImageCredit : d.credit(), Boolean.TRUE.equals(a.leadImageFilePhoto),
                        a.leadImageAlt != null ? a.leadImageAlt : d.alt(), d.width(), d.height(), d.id(), d.focalPoint(),
                        d.renditions());
            }
        }
        return a.leadImageUrl == null ? null : new LeadImage(a.leadImageUrl, a.leadImageCaption, a.leadImageCredit,
                Boolean.TRUE.equals(a.leadImageFilePhoto), a.leadImageAlt, a.leadImageWidth, a.leadImageHeight);
    }

    /**
     * Whether the current caller receives, on this channel, an image whose own rights do not allow syndication
     * (decision 171): the image follows the article's rule for {@code syndication.allowed} (decision 102). The outlet's
     * readers get it in the article JSON, schema.org and search; partner keys never; and in syndication formats
     * (feeds, ninjs, the change feed, webhooks) only editors, as deliveries made outside a request never.
     */
    private boolean receivesEveryImage(Rights.Channel channel) {
        if (!Arc.container().requestContext().isActive()) {
            return false; // a webhook delivery or another background job: syndication
        }
        return Rights.extent(caller.get(), channel) != Rights.Extent.FULL;
    }

    /** A body with its uploaded images filled in, and those images' data. */
    public record Inline(Body body, List<InlineImage> images) {
        static final Inline NONE = new Inline(null, null);
    }

    /**
     * The body with its uploaded images filled in: each {@code <img data-image-id>} gets the image's largest
     * rendition as {@code src}, its size, a {@code srcset} of the whole picture and, where it has none, the image's alt
     * text; and the images' data, as the lead image has it (renditions per aspect ratio), in the order of the body, each
     * once. An image the caller may not receive on this channel (as for the lead image) is left out with its
     * {@code <figure>}, from the HTML and from the text. Bodies without such images are returned as they are, with no images.
     */
    public Inline inlineImages(Body body, Rights.Channel channel) {
        if (body == null) {
            return Inline.NONE;
        }
        if (body.html() == null || !body.html().contains("data-image-id") || !leadImages.isResolvable()) {
            return new Inline(body, List.of());
        }
        Document doc = Jsoup.parseBodyFragment(body.html());
        doc.outputSettings().prettyPrint(false);
        boolean every = receivesEveryImage(channel);
        boolean removed = false;
        List<InlineImage> images = new ArrayList<>();
        Set<UUID> listed = new LinkedHashSet<>();
        for (Element img : doc.select("img[data-image-id]")) {
            var found = news.dispatch.common.Ids.parse(img.attr("data-image-id")).flatMap(id -> leadImages.get().find(id));
            if (found.isEmpty()) {
                continue;
            }
            LeadImageSource.Details d = found.get();
            if (!d.syndicationAllowed() && !every) {
                Element figure = img.closest("figure");
                (figure != null ? figure : img).remove();
                removed = true;
                continue;
            }
            if (d.url() != null) {
                img.attr("src", d.url());
            }
            img.attr("width", Integer.toString(d.width())).attr("height", Integer.toString(d.height()));
            LeadImage.RenditionSet whole = d.renditions().get(d.renditions().size() - 1);
            if (!whole.srcset().isEmpty()) {
                img.attr("srcset", whole.srcset()).attr("sizes", "100vw");
            }
            if (img.attr("alt").isBlank() && d.alt() != null) {
                img.attr("alt", d.alt());
            }
            if (listed.add(d.id())) {
                images.add(new InlineImage(d.id(), d.url(), d.width(), d.height(),
                        img.attr("alt").isBlank() ? null : img.attr("alt"), d.caption(), d.credit(), d.focalPoint(),
                        d.renditions()));
            }
        }
        String html = doc.body().html();
        // the text without what was left out (a figure's caption), as the body's text is made on writes
        return new Inline(new Body(html, removed ? news.dispatch.text.BodyText.of(html).text() : body.text()),
                List.copyOf(images));
    }

    public Body body(Article a) {
        return new Body(a.bodyHtml, a.bodyText);
    }

    public List<Correction> corrections(List<ArticleCorrection> corrections) {
        return corrections.stream().map(c -> new Correction(c.correctedAt, c.note)).toList();
    }
}
