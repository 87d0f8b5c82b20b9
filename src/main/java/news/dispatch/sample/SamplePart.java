package news.dispatch.sample;

/**
 * A part of the sample content that builds on the sample articles: the live blog, the fronts, the alert, the image.
 * With {@code dispatch.sample.load} on, {@link SampleLoader} loads every part at start, after the articles, lowest
 * order first: a part comes after the parts it shows (the fronts and the alert show the live blog). A part lives in
 * the package of what it loads.
 */
public abstract class SamplePart {

    private final int order;

    protected SamplePart(int order) {
        this.order = order;
    }

    /** For the container's client proxies, which hand every public call to the bean. */
    protected SamplePart() {
        this(0);
    }

    /** Where the part comes, lowest first (public, so that a call on the client proxy reaches the bean). */
    public int order() {
        return order;
    }

    /** Loads the part unless the database has it already or lacks what it builds on; answers whether it loaded. */
    public abstract boolean load();
}
