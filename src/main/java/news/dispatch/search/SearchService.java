package news.dispatch.search;

import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.access.Rights;
import news.dispatch.article.ArticleQuery;
import news.dispatch.article.ArticleService;
import news.dispatch.article.ArticleShape;
import news.dispatch.article.ArticleView;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.web.Cursor;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Full-text search over visible articles, by relevance or newest first, with the article list filters. */
@ApplicationScoped
public class SearchService {

    private final SearchRepository search;
    private final ArticleService articles;

    public SearchService(SearchRepository search, ArticleService articles) {
        this.search = search;
        this.articles = articles;
    }

    /**
     * A page of hits, as the current caller may see them on this channel: the filter's look-ups, one ranked
     * query, then the page's articles, bylines and tags (and corrections when included): the same statements
     * whatever the page size.
     */
    @ReadOnlyTransaction(replica = true)
    public Page<SearchHit> search(SearchQuery q, ArticleQuery filters, SearchOrder order, SearchRepository.After after,
                                  ArticleShape shape, Rights.Channel channel) {
        // Partner keys (and, in syndication formats, everyone below editor) search only what the rights give them
        // (docs/decisions/051).
        var filter = articles.filter(filters, ArticleService.Scope.NONE).with(articles.rights(channel));
        SearchRepository.Found found = search.find(q, filter, order, after, filters.limit() + 1);
        List<SearchRepository.Row> rows = found.rows();
        boolean more = rows.size() > filters.limit();
        List<SearchRepository.Row> page = more ? rows.subList(0, filters.limit()) : rows;
        Map<UUID, ArticleView> views = new HashMap<>();
        articles.viewsById(page.stream().map(SearchRepository.Row::id).toList(), shape, channel)
                .forEach(v -> views.put(v.summary().id(), v));
        List<Pattern> patterns = q.positiveTerms().stream().map(SearchQuery.Term::pattern).toList();
        java.util.Set<String> latin = q.latinWords();
        List<SearchHit> hits = page.stream().filter(r -> views.containsKey(r.id()))
                .map(r -> new SearchHit(views.get(r.id()), r.score(),
                        r.marked() ? Highlighter.fromMarked(r.snippet()) : Highlighter.snippet(r.snippet(), patterns, latin)))
                .toList();
        String next = null;
        if (more) {
            SearchRepository.Row last = page.get(page.size() - 1);
            next = new Cursor(order.cursorOrder(), last.key(), last.id().toString()).encode();
        } else if (found.next() != null) {
            // a phrase's candidates ran out before the page was full: the next page checks the older ones
            next = new Cursor(order.cursorOrder(), found.next().key(), found.next().id().toString()).encode();
        }
        return new Page<>(hits, new PageInfo(filters.limit(), next, null));
    }

    boolean validKey(SearchOrder order, String key) {
        return search.validKey(order, key);
    }
}
