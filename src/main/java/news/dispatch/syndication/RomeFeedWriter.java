package news.dispatch.syndication;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.article.ArticleSummary;
import news.dispatch.article.ArticleView;
import news.dispatch.article.Correction;
import news.dispatch.article.LeadImage;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** RSS 2.0 and Atom 1.0 with ROME; the lead image travels as Media RSS (caption and credit included). */
@ApplicationScoped
class RomeFeedWriter {

    /** Our elements in RSS items and Atom entries: {@code <dispatch:correction at="…">text</dispatch:correction>}. */
    static final Namespace DISPATCH = Namespace.getNamespace("dispatch", "urn:dispatch:feed");

    private final SyndicationConfig config;

    RomeFeedWriter(SyndicationConfig config) {
        this.config = config;
    }

    byte[] write(Feed feed, FeedFormat format) {
        SyndFeed out = new SyndFeedImpl();
        out.setFeedType(format.romeType());
        out.setEncoding("UTF-8");
        out.setTitle(text(feed.title(), format));
        out.setDescription(text(feed.description(), format));
        out.setLink(feed.homePage());
        out.setUri(id(feed.selfUrl()));
        out.setPublishedDate(Date.from(feed.updated()));
        out.setCopyright(config.outletName());
        if (feed.language() != null) {
            out.setLanguage(feed.language()); // RSS <language>, Atom xml:lang on the feed
        }
        SyndLink alternate = link("alternate", feed.homePage(), "text/html");
        SyndLink self = link("self", feed.selfUrl(), format.mediaType().split(";")[0]);
        out.setLinks(List.of(alternate, self));
        if (format == FeedFormat.RSS) {
            // RSS has no self link of its own: atom:link rel="self", as the RSS Advisory Board recommends.
            Link atomSelf = new Link();
            atomSelf.setRel("self");
            atomSelf.setHref(feed.selfUrl());
            atomSelf.setType(format.mediaType().split(";")[0]);
            AtomLinkModuleImpl module = new AtomLinkModuleImpl();
            module.setLinks(List.of(atomSelf));
            out.getModules().add(module);
        } else {
            // Atom wants an author for every entry: the outlet stands in for entries without a byline.
            SyndPerson outlet = new SyndPersonImpl();
            outlet.setName(config.outletName());
            out.setAuthors(List.of(outlet));
        }
        List<SyndEntry> entries = new ArrayList<>();
        for (ArticleView article : feed.entries()) {
            entries.add(entry(article, feed.fullText(), format));
        }
        out.setEntries(entries);
        try {
            Document document = new SyndFeedOutput().outputJDom(out);
            addCorrections(document, feed, format);
            if (format == FeedFormat.ATOM) {
                dropEmptyAuthors(document);
                entryLanguages(document, feed);
            }
            XMLOutputter xml = new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8"));
            return xml.outputString(document).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the " + format + " feed", e);
        }
    }

    /** The Atom feed says its language ({@code xml:lang}), and each entry its own where it differs from the feed's. */
    private static void entryLanguages(Document document, Feed feed) {
        Element root = document.getRootElement();
        if (feed.language() != null) {
            root.setAttribute("lang", feed.language(), org.jdom2.Namespace.XML_NAMESPACE);
        }
        List<Element> entries = root.getChildren("entry", root.getNamespace());
        for (int i = 0; i < entries.size() && i < feed.entries().size(); i++) {
            String language = feed.entries().get(i).summary().language();
            if (language != null && !language.equals(feed.language())) {
                entries.get(i).setAttribute("lang", language, org.jdom2.Namespace.XML_NAMESPACE);
            }
        }
    }

    /**
     * ROME writes {@code <author><name></name></author>} for an entry without authors, which no Atom reader
     * accepts; without it the entry takes the feed's author, as Atom provides.
     */
    private static void dropEmptyAuthors(Document document) {
        Element root = document.getRootElement();
        for (Element entry : root.getChildren("entry", root.getNamespace())) {
            entry.getChildren("author", root.getNamespace())
                    .removeIf(author -> author.getChildTextTrim("name", root.getNamespace()) == null
                            || author.getChildTextTrim("name", root.getNamespace()).isEmpty());
        }
    }

    /**
     * Each entry's corrections as {@code <dispatch:correction at="…">text</dispatch:correction>} in its RSS item or
     * Atom entry (ROME writes no foreign markup of its own), in the entries' order.
     */
    private static void addCorrections(Document document, Feed feed, FeedFormat format) {
        Element root = document.getRootElement();
        List<Element> items = format == FeedFormat.RSS
                ? root.getChild("channel", root.getNamespace()).getChildren("item", root.getNamespace())
                : root.getChildren("entry", root.getNamespace());
        boolean any = false;
        for (int i = 0; i < items.size() && i < feed.entries().size(); i++) {
            List<Correction> corrections = feed.entries().get(i).corrections();
            for (Correction c : corrections == null ? List.<Correction>of() : corrections) {
                items.get(i).addContent(new Element("correction", DISPATCH).setAttribute("at", c.at().toString())
                        .setText(c.text()));
                any = true;
            }
        }
        if (any) {
            root.addNamespaceDeclaration(DISPATCH);
        }
    }

    /**
     * The Atom id of a feed: a fixed URN from its path ({@code /v1/feeds/sections/politics.atom} →
     * {@code urn:dispatch:feed:sections:politics}), the same whatever the public URL, so readers never see
     * a feed change its identity when the service moves.
     */
    static String id(String selfUrl) {
        int at = selfUrl.indexOf("/v1/feeds/");
        String path = at < 0 ? selfUrl : selfUrl.substring(at + "/v1/feeds/".length());
        int query = path.indexOf('?');
        String language = query < 0 || !path.startsWith("lang=", query + 1) ? null : path.substring(query + 1 + "lang=".length());
        path = query < 0 ? path : path.substring(0, query);
        int dot = path.lastIndexOf('.');
        return "urn:dispatch:feed:" + (dot < 0 ? path : path.substring(0, dot)).replace('/', ':')
                + (language == null ? "" : ":" + language);
    }

    private SyndEntry entry(ArticleView article, boolean fullText, FeedFormat format) {
        ArticleSummary a = article.summary();
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:uuid:" + a.id());
        entry.setTitle(text(a.headline(), format));
        entry.setLink(a.url());
        entry.setPublishedDate(Date.from(a.publishedAt()));
        entry.setUpdatedDate(Date.from(a.updatedAt()));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(text(Summaries.of(article, config.summaryLength()), format));
        entry.setDescription(summary);
        if (fullText) {
            SyndContent body = new SyndContentImpl();
            body.setType("html");
            body.setValue(article.body().html());
            entry.setContents(List.of(body));
        }
        List<SyndPerson> authors = new ArrayList<>();
        a.bylines().forEach(b -> {
            SyndPerson person = new SyndPersonImpl();
            person.setName(b.name());
            authors.add(person);
        });
        if (format == FeedFormat.RSS && !authors.isEmpty()) {
            // RSS's own <author> must be an e-mail address; names travel as dc:creator.
            entry.setAuthor(String.join(", ", a.bylines().stream().map(b -> b.name()).toList()));
        } else {
            entry.setAuthors(authors);
        }
        List<SyndCategory> categories = new ArrayList<>();
        if (a.section() != null) {
            categories.add(category(a.section().name(), "section"));
        }
        a.tags().forEach(t -> categories.add(category(t.name(), "tag:" + t.type().value())));
        entry.setCategories(categories);
        if (a.leadImage() != null) {
            entry.getModules().add(media(a.leadImage()));
            if (format == FeedFormat.RSS) {
                // The byte size is not known to us: 0, as the RSS Best Practices Profile says for that case.
                SyndEnclosure enclosure = new SyndEnclosureImpl();
                enclosure.setUrl(a.leadImage().url());
                enclosure.setType(ImageTypes.of(a.leadImage().url()));
                enclosure.setLength(0);
                entry.setEnclosures(List.of(enclosure));
            }
        }
        return entry;
    }

    /**
     * Plain text for a title or description. RSS readers render an item's (and the channel's) title and
     * description as HTML, so in RSS the text is HTML-escaped before the XML escaping ROME adds: a headline
     * reading {@code <img onerror=…>} stays text. Atom says {@code type="text"} and JSON Feed has its own
     * text fields, so they keep the text as it is.
     */
    static String text(String value, FeedFormat format) {
        if (value == null || format != FeedFormat.RSS) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static MediaEntryModuleImpl media(LeadImage image) {
        MediaContent content = new MediaContent(new UrlReference(URI.create(image.url())));
        content.setMedium("image");
        content.setType(ImageTypes.of(image.url()));
        content.setWidth(image.width());
        content.setHeight(image.height());
        Metadata metadata = new Metadata();
        if (image.caption() != null) {
            metadata.setDescription(image.caption());
        }
        if (image.credit() != null) {
            metadata.setCredits(new Credit[]{new Credit(null, null, image.credit())});
        }
        if (image.alt() != null) {
            metadata.setTitle(image.alt());
        }
        content.setMetadata(metadata);
        MediaEntryModuleImpl module = new MediaEntryModuleImpl();
        module.setMediaContents(new MediaContent[]{content});
        module.setMetadata(new Metadata());
        return module;
    }

    private static SyndCategory category(String name, String taxonomy) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(name);
        category.setTaxonomyUri(taxonomy);
        return category;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
