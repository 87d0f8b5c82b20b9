package news.dispatch.syndication;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What every feed operation takes: the format, from the path's extension, and a key as a query
 * parameter for feed readers, which cannot send {@code Authorization} (the access filter reads it
 * from any operation that declares {@code apiKey}).
 */
public class FeedParams {

    @PathParam("format")
    @Parameter(description = "The format: `rss` (RSS 2.0), `atom` (Atom 1.0) or `json` (JSON Feed 1.1).",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"rss", "atom", "json"}))
    public String format;

    @QueryParam("lang")
    @Parameter(description = "Only articles in this language (BCP 47 tag): one feed per language, marked with it "
            + "(RSS `language`, Atom `xml:lang`, JSON Feed `language`).", example = "ckb")
    public String lang;

    @QueryParam("apiKey")
    @Parameter(description = "A partner key, for feed readers that cannot send `Authorization: Bearer <key>`.")
    public String apiKey;

    @Context
    public HttpHeaders headers;

    @Context
    public UriInfo uri;

    FeedFormat feedFormat() {
        return FeedFormat.of(format);
    }

    /** The {@code lang} parameter as stored, or null when absent; a 400 when it is not a language tag. */
    String language() {
        if (lang == null) {
            return null;
        }
        String tag = news.dispatch.article.ArticleQuery.languageTag(lang);
        if (tag == null) {
            throw news.dispatch.web.problem.ProblemException.invalid("lang", news.dispatch.article.ArticleQuery.LANGUAGE_RULE);
        }
        return tag;
    }
}
