package news.dispatch.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.access.Rights;
import news.dispatch.article.ArticleResponses;
import news.dispatch.article.ArticleService;
import news.dispatch.article.ArticleShape;
import news.dispatch.article.ArticleView;
import news.dispatch.cache.Purgeable;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;
import news.dispatch.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Delta sync (issue 31, part 5; docs/decisions/151): a change-feed page that carries what a copy needs, so an offline
 * refresh costs one request per page instead of one per changed article. The last entry of each article on the page
 * carries the article as the caller may see it now ({@code include=summary} or {@code include=article}) when that entry
 * is visible and the article still is, under the feed's own rule (the syndication channel: never more than
 * {@code GET /v1/articles/{id}} would give the same caller). Two statements more than the page, whatever its size
 * (a third when an article has translations).
 */
@ApplicationScoped
public class ChangeArticles {

    /** What a page embeds. */
    public enum Include {
        SUMMARY(new ArticleShape(null, Set.of())),
        ARTICLE(new ArticleShape(null, Set.of(ArticleShape.Part.BODY, ArticleShape.Part.CORRECTIONS)));

        final ArticleShape shape;

        Include(ArticleShape shape) {
            this.shape = shape;
        }

        /** The parameter's value: absent or empty is none, else {@code summary} or {@code article}. */
        public static Include parse(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            return switch (value) {
                case "summary" -> SUMMARY;
                case "article" -> ARTICLE;
                default -> throw ProblemException.invalid("include", "must be summary or article");
            };
        }
    }

    private final ArticleService articles;
    private final ObjectMapper json;
    private final Representations representations;

    public ChangeArticles(ArticleService articles, ObjectMapper json, Representations representations) {
        this.articles = articles;
        this.json = json;
        this.representations = representations;
    }

    /**
     * The page with its articles embedded, as a representation whose purge keys name every article, section, tag and
     * byline it shows, besides the change feed's own.
     */
    public Representation render(ChangePage page, Include include) {
        Map<UUID, Integer> last = new HashMap<>();
        for (int i = 0; i < page.items().size(); i++) {
            last.put(page.items().get(i).id(), i);
        }
        List<UUID> wanted = new ArrayList<>();
        last.forEach((id, at) -> {
            if (page.items().get(at).visible()) {
                wanted.add(id);
            }
        });
        Map<UUID, ArticleView> views = wanted.isEmpty() ? Map.of()
                : articles.visibleById(wanted, include.shape, Rights.Channel.SYNDICATION);
        List<ChangeItem> items = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            ChangeItem item = page.items().get(i);
            ArticleView view = last.get(item.id()) == i && item.visible() ? views.get(item.id()) : null;
            items.add(view == null ? item : item.with(view));
        }
        JsonNode tree = json.valueToTree(new ChangePage(items, page.next()));
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Purgeable.CHANGES);
        keys.addAll(ArticleResponses.purgeKeys(views.values()));
        tree.get("items").forEach(item -> include.shape.apply(item.get("article")));
        return representations.render(tree, null, null, null, keys);
    }
}
