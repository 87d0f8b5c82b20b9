package news.dispatch.syndication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.article.ArticleSummary;
import news.dispatch.article.Body;
import news.dispatch.article.Correction;
import news.dispatch.article.BylineCredit;
import news.dispatch.article.LeadImage;
import news.dispatch.article.TagRef;
import news.dispatch.byline.BylineKind;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Articles as IPTC ninjs. The document is built in 3.1 spelling (camelCase) and, for 2.2, renamed
 * to the lower-case names of that version ({@code embargoedUntil} is {@code embargoed} there, and
 * associations have no {@code rel}). Mapping (docs/decisions/052): headline → headlines[main],
 * standfirst → descriptions[summary], body HTML → bodies[main] (only with full text), bylines →
 * {@code by} plus people/organisations with their credit role as {@code rel}, tags → subjects,
 * people, places or organisations by tag type with {@code rel: "about"}, the section → a subject with
 * {@code rel: "section"}, dateline → located and infoSources, lead image → an association
 * {@code leadImage} of type picture with caption (descriptions[caption]) and credit ({@code by}), the published
 * versions in other languages → associations of type text named {@code translation-<language>} with {@code rel}
 * {@code translation} ({@code translationOf} for the original) and their headline (decision 132).
 */
@ApplicationScoped
public class NinjsWriter {

    private final ObjectMapper json;
    private final SyndicationConfig config;

    public NinjsWriter(ObjectMapper json, SyndicationConfig config) {
        this.json = json;
        this.config = config;
    }

    /** One article; {@code body} null writes a partial representation. */
    public ObjectNode article(ArticleSummary a, Body body, long version, NinjsVersion ninjs) {
        return article(a, body, List.of(), version, ninjs);
    }

    /** One article with its corrections, which travel as descriptions with the role {@code correction}. */
    public ObjectNode article(ArticleSummary a, Body body, List<Correction> corrections, long version, NinjsVersion ninjs) {
        ObjectNode n = json.createObjectNode();
        n.put("uri", config.ninjsUriBase() + a.id());
        n.put("type", "text");
        n.put("representationType", body == null ? "partial" : "full");
        n.put("version", Long.toString(version));
        if (a.firstPublishedAt() != null) {
            n.put("firstCreated", time(a.firstPublishedAt()));
        }
        n.put("versionCreated", time(a.updatedAt()));
        if (a.syndication().embargoUntil() != null) {
            n.put("embargoedUntil", time(a.syndication().embargoUntil()));
        }
        n.put("pubStatus", "usable");
        n.put("copyrightHolder", config.outletName());
        n.put("usageTerms", a.syndication().allowed()
                ? "May be republished by partners under their agreement with " + config.outletName() + "."
                : "Not for syndication.");
        n.put("language", a.language());
        n.put("slugline", a.slug());
        n.putArray("headlines").addObject().put("role", "main").put("value", a.headline());
        ArrayNode descriptions = json.createArrayNode();
        if (a.standfirst() != null) {
            descriptions.addObject().put("role", "summary").put("contentType", "text/plain").put("value", a.standfirst());
        }
        for (Correction correction : corrections == null ? List.<Correction>of() : corrections) {
            descriptions.addObject().put("role", "correction").put("contentType", "text/plain")
                    .put("value", correction.at().toString().substring(0, 10) + ": " + correction.text());
        }
        putIfAny(n, "descriptions", descriptions);
        if (body != null) {
            n.putArray("bodies").addObject().put("role", "main").put("contentType", "text/html")
                    .put("wordCount", a.wordCount()).put("value", body.html());
        }
        if (!a.bylines().isEmpty()) {
            n.put("by", a.bylines().stream().map(BylineCredit::name).collect(Collectors.joining(", ")));
        }
        ArrayNode people = json.createArrayNode();
        ArrayNode organisations = json.createArrayNode();
        ArrayNode places = json.createArrayNode();
        ArrayNode subjects = json.createArrayNode();
        for (BylineCredit credit : a.bylines()) {
            (credit.kind() == BylineKind.PERSON ? people : organisations).addObject()
                    .put("name", credit.name()).put("rel", credit.role().value())
                    .put("uri", "urn:dispatch:byline:" + credit.slug());
        }
        if (a.section() != null) {
            subjects.addObject().put("name", a.section().name()).put("rel", "section")
                    .put("uri", "urn:dispatch:section:" + a.section().slug());
        }
        for (TagRef tag : a.tags()) {
            ArrayNode target = switch (tag.type()) {
                case PERSON -> people;
                case PLACE -> places;
                case ORGANISATION -> organisations;
                case TOPIC -> subjects;
            };
            target.addObject().put("name", tag.name()).put("rel", "about").put("uri", "urn:dispatch:tag:" + tag.slug());
        }
        putIfAny(n, "people", people);
        putIfAny(n, "organisations", organisations);
        putIfAny(n, "places", places);
        putIfAny(n, "subjects", subjects);
        if (a.dateline() != null) {
            if (a.dateline().place() != null) {
                n.put("located", a.dateline().place());
            }
            if (a.dateline().source() != null) {
                n.putArray("infoSources").addObject().put("name", a.dateline().source()).put("role", "source");
            }
        }
        ArrayNode altIds = n.putArray("altIds");
        altIds.addObject().put("role", "id").put("value", a.id().toString());
        altIds.addObject().put("role", "url").put("value", a.url());
        ArrayNode associations = json.createArrayNode();
        if (a.leadImage() != null) {
            associations.add(picture(a.leadImage()));
        }
        for (news.dispatch.article.Translation t : a.translations() == null ? List.<news.dispatch.article.Translation>of()
                : a.translations()) {
            associations.add(translation(t));
        }
        putIfAny(n, "associations", associations);
        ObjectNode standard = n.putObject("standard");
        standard.put("name", "ninjs").put("version", ninjs.number()).put("schema", ninjs.schema());
        return ninjs == NinjsVersion.V2_2 ? (ObjectNode) toV22(n, false) : n;
    }

    /** A published version of the story in another language: a partial text association ({@code rel: translation}). */
    private ObjectNode translation(news.dispatch.article.Translation t) {
        ObjectNode link = json.createObjectNode();
        link.put("name", "translation-" + t.language());
        link.put("rel", t.original() ? "translationOf" : "translation");
        link.put("uri", config.ninjsUriBase() + t.id());
        link.put("type", "text");
        link.put("representationType", "partial");
        link.put("language", t.language());
        link.putArray("headlines").addObject().put("role", "main").put("value", t.headline());
        link.putArray("altIds").addObject().put("role", "url").put("value", t.url());
        return link;
    }

    private ObjectNode picture(LeadImage image) {
        ObjectNode p = json.createObjectNode();
        p.put("name", "leadImage");
        p.put("rel", "leadImage");
        p.put("uri", image.url());
        p.put("type", "picture");
        ObjectNode rendition = p.putArray("renditions").addObject().put("name", "original").put("href", image.url());
        if (image.width() != null) {
            rendition.put("width", image.width());
        }
        if (image.height() != null) {
            rendition.put("height", image.height());
        }
        if (image.renditions() != null) { // an uploaded image: each crop and width, JPEG and WebP (decision 171)
            ArrayNode renditions = (ArrayNode) p.get("renditions");
            for (LeadImage.RenditionSet set : image.renditions()) {
                String crop = set.aspectRatio().replace(':', 'x');
                for (LeadImage.Size size : set.sizes()) {
                    renditions.addObject().put("name", crop + "-" + size.width()).put("href", size.jpeg())
                            .put("contentType", "image/jpeg").put("width", size.width()).put("height", size.height());
                    renditions.addObject().put("name", crop + "-" + size.width() + "-webp").put("href", size.webp())
                            .put("contentType", "image/webp").put("width", size.width()).put("height", size.height());
                }
            }
        }
        ArrayNode descriptions = json.createArrayNode();
        if (image.caption() != null) {
            descriptions.addObject().put("role", "caption").put("value", image.caption());
        }
        if (image.alt() != null) {
            descriptions.addObject().put("role", "alt").put("value", image.alt());
        }
        putIfAny(p, "descriptions", descriptions);
        if (image.credit() != null) {
            p.put("by", image.credit());
            p.put("copyrightHolder", image.credit());
        }
        if (image.filePhoto()) {
            p.put("edNote", "File photo.");
        }
        return p;
    }

    /** ninjs 2.2 spells every property in lower case; {@code embargoedUntil} is {@code embargoed}. */
    private JsonNode toV22(JsonNode node, boolean association) {
        if (node.isArray()) {
            ArrayNode out = json.createArrayNode();
            node.forEach(item -> out.add(toV22(item, false)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = json.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (association && name.equals("rel")) {
                continue;
            }
            String renamed = name.equals("embargoedUntil") ? "embargoed" : name.toLowerCase(Locale.ROOT);
            if (name.equals("associations")) {
                ArrayNode list = json.createArrayNode();
                field.getValue().forEach(item -> list.add(toV22(item, true)));
                out.set(renamed, list);
            } else {
                out.set(renamed, toV22(field.getValue(), false));
            }
        }
        return out;
    }

    private static void putIfAny(ObjectNode node, String name, ArrayNode items) {
        if (!items.isEmpty()) {
            node.set(name, items);
        }
    }

    private static String time(Instant instant) {
        return instant.toString();
    }
}
