package news.dispatch.sample;

import java.time.Instant;
import java.util.List;

/** The shape of sample/sample-content.json. */
record SampleContent(List<SectionData> sections, List<TagData> tags, List<BylineData> bylines, List<ArticleData> articles) {

    record SectionData(String slug, String name, String description, int position) {
    }

    record TagData(String slug, String name, String type) {
    }

    record LinkData(String title, String url) {
    }

    record BylineData(String slug, String name, String kind, String title, String bio, List<LinkData> links) {
    }

    record DatelineData(String place, String source) {
    }

    record ImageData(String url, String caption, String credit, boolean filePhoto, String alt, Integer width, Integer height) {
    }

    record CreditData(String slug, String role) {
    }

    record RelatedData(String slug, String relation) {
    }

    record ArticleData(String slug, String headline, String standfirst, DatelineData dateline, String bodyHtml,
                       ImageData leadImage, String language, String section, Instant publishedAt, List<String> tags,
                       List<CreditData> bylines, List<RelatedData> related, String translationOf) {
    }
}
