package news.dispatch.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders of search results (docs/decisions/040-search.md). Each names the {@code sort} value that asks for
 * it and the order its cursors carry, distinct from every article list's so no other list's cursor is taken.
 */
public enum SearchOrder {
    /** The newest matches (at most the configured window), ranked: score, then id, both descending. */
    RELEVANCE("relevance", "relevance"),
    /** Every match, newest first: publication time, then id, both descending. */
    NEWEST("-publishedAt", "search-publishedAt");

    private final String parameter;
    private final String cursorOrder;

    SearchOrder(String parameter, String cursorOrder) {
        this.parameter = parameter;
        this.cursorOrder = cursorOrder;
    }

    public String parameter() {
        return parameter;
    }

    /** The order name inside this order's cursors. */
    public String cursorOrder() {
        return cursorOrder;
    }

    /** The order a {@code sort} value asks for; none given is relevance. */
    public static Optional<SearchOrder> parse(String value) {
        if (value == null) {
            return Optional.of(RELEVANCE);
        }
        return Arrays.stream(values()).filter(o -> o.parameter.equals(value)).findFirst();
    }
}
