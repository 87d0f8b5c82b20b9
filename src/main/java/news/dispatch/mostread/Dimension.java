package news.dispatch.mostread;

/** What one set of counts covers: all articles, one section's, or one language's. */
record Dimension(String name) {

    static final Dimension ALL = new Dimension("all");

    static Dimension section(String slug) {
        return new Dimension("s:" + slug);
    }

    static Dimension language(String language) {
        return new Dimension("l:" + language);
    }
}
