package news.dispatch.text;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.regex.Pattern;

/**
 * The allow-list for article bodies (OWASP Java HTML Sanitizer). Text structure, links, images,
 * tables and embeds from a few known players survive; scripts, event handlers, style attributes
 * and elements, {@code javascript:} and other non-web URLs, and any other iframe are removed.
 */
public final class HtmlSanitizer {

    /** Embeds editors may use: https players of YouTube (privacy mode included) and Vimeo. */
    private static final Pattern EMBED = Pattern.compile(
            "https://(www\\.youtube\\.com/embed/|www\\.youtube-nocookie\\.com/embed/|player\\.vimeo\\.com/video/)[A-Za-z0-9_?=&./-]+");
    private static final Pattern DIMENSION = Pattern.compile("[0-9]{1,4}");
    private static final Pattern IMAGE_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "u", "s", "sub", "sup",
                    "small", "mark", "abbr", "cite", "q", "code", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
                    "figure", "figcaption", "span", "a", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "caption", "iframe")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").globally()
            .allowAttributes("lang", "dir").globally()
            .allowAttributes("cite").onElements("blockquote", "q")
            .allowAttributes("src", "alt").onElements("img")
            .allowAttributes("data-image-id").matching(IMAGE_ID).onElements("img", "figure") // an uploaded image (decision 171)
            .allowAttributes("width", "height").matching(DIMENSION).onElements("img", "iframe")
            .allowAttributes("colspan", "rowspan").matching(DIMENSION).onElements("td", "th")
            .allowAttributes("src").matching(EMBED).onElements("iframe")
            .allowAttributes("allowfullscreen").matching(Pattern.compile("|allowfullscreen|true")).onElements("iframe")
            .disallowWithoutAttributes("iframe", "img", "a")
            .requireRelsOnLinks("noopener")
            .toFactory();

    private HtmlSanitizer() {
    }

    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html).trim();
    }
}
