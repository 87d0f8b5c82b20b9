package news.dispatch.syndication;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import news.dispatch.web.problem.ProblemException;
import news.dispatch.web.problem.ProblemType;

/** The ninjs versions we write: 3.1 by default, 2.2 on request ({@code Accept: application/ninjs+json;version=2.2}). */
public enum NinjsVersion {
    V3_1("3.1", "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"),
    V2_2("2.2", "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json");

    public static final String MEDIA_TYPE = "application/ninjs+json";
    /**
     * What the ninjs methods produce, beside JSON methods on the same paths: a server quality below
     * JSON keeps JSON the answer for {@code Accept: *}{@code /*} and for browsers.
     */
    public static final String PRODUCES = MEDIA_TYPE + ";qs=0.5";

    private final String number;
    private final String schema;

    NinjsVersion(String number, String schema) {
        this.number = number;
        this.schema = schema;
    }

    public String number() {
        return number;
    }

    public String schema() {
        return schema;
    }

    public String mediaType() {
        return MEDIA_TYPE + "; version=" + number;
    }

    /** The version the Accept header asks for; a version we do not write is a 406. */
    public static NinjsVersion requested(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.getType().equals("application") && type.getSubtype().equals("ninjs+json")) {
                String version = type.getParameters().get("version");
                if (version == null || version.equals("3.1") || version.equals("3")) {
                    return V3_1;
                }
                if (version.equals("2.2") || version.equals("2")) {
                    return V2_2;
                }
                throw new ProblemException(ProblemType.NOT_ACCEPTABLE,
                        "ninjs version " + version + " is not available; ask for 3.1 (the default) or 2.2.");
            }
        }
        return V3_1;
    }
}
