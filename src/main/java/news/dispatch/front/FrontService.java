package news.dispatch.front;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.access.Rights;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleInput;
import news.dispatch.article.ArticleResponses;
import news.dispatch.article.ArticleService;
import news.dispatch.article.ArticleShape;
import news.dispatch.article.ArticleView;
import news.dispatch.article.LeadImage;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads of fronts (docs/decisions/153). A front answers in a constant number of statements whatever its size: the
 * front's row, then its articles as list items (rows, then their credits and tags; a third only when one has
 * translations), whoever asks, with the caller's rights applied.
 */
@ApplicationScoped
public class FrontService {

    private static final TypeReference<List<FrontInput.CollectionInput>> COLLECTIONS = new TypeReference<>() {
    };

    private final FrontRepository fronts;
    private final ArticleService articles;
    private final ObjectMapper json;

    public FrontService(FrontRepository fronts, ArticleService articles, ObjectMapper json) {
        this.fronts = fronts;
        this.articles = articles;
        this.json = json;
    }

    /** A front as the current caller sees it, and the purge keys of what it shows or may come to show. */
    public record Shown(FrontView view, Set<String> keys) {
    }

    @ReadOnlyTransaction(replica = true)
    public Shown get(String key, ArticleShape shape) {
        Front front = find(key);
        List<FrontInput.CollectionInput> collections = collections(front.collections);
        List<UUID> ids = articleIds(collections);
        Map<UUID, ArticleView> visible = ids.isEmpty() ? Map.of() : articles.visibleById(ids, shape, Rights.Channel.READ);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Front.key(front.slug));
        // every article named, shown or not: a draft published, or an article withdrawn, changes the front
        ids.forEach(id -> keys.add(Article.key(id)));
        keys.addAll(ArticleResponses.purgeKeys(visible.values()));
        List<FrontView.Collection> shown = new ArrayList<>();
        for (FrontInput.CollectionInput c : collections) {
            List<FrontView.Item> items = new ArrayList<>();
            for (FrontInput.SlotInput slot : c.items()) {
                ArticleView article = visible.get(slot.article());
                if (article != null) {
                    JsonNode tree = json.valueToTree(article);
                    shape.apply(tree);
                    items.add(new FrontView.Item(tree, slot.headline(), image(slot.image())));
                }
            }
            shown.add(new FrontView.Collection(c.title(), items));
        }
        return new Shown(new FrontView(front.slug, front.title, front.updatedAt, shown), keys);
    }

    /** The fronts in display order (position, then slug); there are few, so one page holds them all. */
    @ReadOnlyTransaction(replica = true)
    public Page<FrontSummary> list() {
        List<FrontSummary> all = fronts.find("order by position, slug").list().stream().map(FrontSummary::of).toList();
        return new Page<>(all, new PageInfo(all.size(), null, null));
    }

    /** The front, read on the primary (an editor's next write names its version). */
    @ReadOnlyTransaction
    public Front front(String key) {
        return find(key);
    }

    FrontDefinition definition(Front f) {
        return new FrontDefinition(f.id, f.slug, f.title, f.position, collections(f.collections), f.createdAt, f.updatedAt);
    }

    Front find(String key) {
        return fronts.findBySlugOrId(key).orElseThrow(() -> ProblemException.notFound("front", key));
    }

    List<FrontInput.CollectionInput> collections(String stored) {
        try {
            return json.readValue(stored, COLLECTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A front's stored collections cannot be read", e);
        }
    }

    String store(List<FrontInput.CollectionInput> collections) {
        try {
            return json.writeValueAsString(collections);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store a front's collections", e);
        }
    }

    static List<UUID> articleIds(List<FrontInput.CollectionInput> collections) {
        Set<UUID> ids = new LinkedHashSet<>();
        collections.forEach(c -> c.items().forEach(s -> ids.add(s.article())));
        return List.copyOf(ids);
    }

    private static LeadImage image(ArticleInput.LeadImageInput in) {
        return in == null ? null : new LeadImage(in.url(), in.caption(), in.credit(), Boolean.TRUE.equals(in.filePhoto()),
                in.alt(), in.width(), in.height());
    }
}
