package news.dispatch.syndication;

import java.util.Locale;

/** The three feed formats and how they are served. */
public enum FeedFormat {
    RSS("application/rss+xml; charset=UTF-8", "rss_2.0"),
    ATOM("application/atom+xml; charset=UTF-8", "atom_1.0"),
    JSON("application/feed+json; charset=UTF-8", null);

    /** The path regex of the {@code {format}} parameter. */
    public static final String PATTERN = "rss|atom|json";

    private final String mediaType;
    private final String romeType;

    FeedFormat(String mediaType, String romeType) {
        this.mediaType = mediaType;
        this.romeType = romeType;
    }

    public String mediaType() {
        return mediaType;
    }

    String romeType() {
        return romeType;
    }

    public static FeedFormat of(String extension) {
        return valueOf(extension.toUpperCase(Locale.ROOT));
    }
}
