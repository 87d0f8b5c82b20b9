package news.dispatch.taxonomy;

/** What every section, tag and byline input has: a name, and a slug (made from the name when absent). */
public interface TaxonomyInput {

    String name();

    String slug();
}
