package news.dispatch.article;

import java.util.Arrays;
import java.util.Optional;

/** The orders of an article list; each ends with the id so keyset cursors are total. */
public enum ArticleSort {
    NEWEST("-publishedAt", "publishedAt", true),
    OLDEST("publishedAt", "publishedAt", false),
    LATEST_CHANGE("-updatedAt", "updatedAt", true);

    private final String parameter;
    private final String property;
    private final boolean descending;

    ArticleSort(String parameter, String property, boolean descending) {
        this.parameter = parameter;
        this.property = property;
        this.descending = descending;
    }

    public String parameter() {
        return parameter;
    }

    public String property() {
        return property;
    }

    public boolean descending() {
        return descending;
    }

    public static Optional<ArticleSort> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(value)).findFirst();
    }
}
