package news.dispatch.article.revision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.dispatch.article.ArticleInput;
import news.dispatch.article.ArticleStatus;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.web.Cursor;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Keeps earlier versions of articles and lists them, newest first. */
@ApplicationScoped
public class ArticleRevisions {

    public static final String ORDER = "version";

    private final ArticleRevisionRepository revisions;
    private final ObjectMapper json;

    public ArticleRevisions(ArticleRevisionRepository revisions, ObjectMapper json) {
        this.revisions = revisions;
        this.json = json;
    }

    /** Keeps the version an update is about to replace; part of the update's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(UUID articleId, long version, ArticleStatus status, ArticleInput content, Instant replacedAt, UUID replacedBy) {
        ArticleRevision r = new ArticleRevision();
        r.articleId = articleId;
        r.version = version;
        r.status = status;
        r.savedAt = replacedAt;
        r.savedBy = replacedBy;
        try {
            r.content = json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        revisions.persist(r);
    }

    @ReadOnlyTransaction
    public Page<RevisionView> list(UUID articleId, int limit, Cursor cursor, boolean count) {
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor.key());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API issued");
            }
        }
        List<ArticleRevision> rows = revisions.findPage(articleId, before, limit + 1);
        boolean more = rows.size() > limit;
        List<ArticleRevision> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new Cursor(ORDER, Long.toString(page.get(limit - 1).version), page.get(limit - 1).id.toString()).encode()
                : null;
        return new Page<>(page.stream().map(this::view).toList(),
                new PageInfo(limit, next, count ? revisions.countFor(articleId) : null));
    }

    /** One kept version of an article, if there is one. */
    @ReadOnlyTransaction
    public java.util.Optional<RevisionView> find(UUID articleId, long version) {
        return revisions.findVersion(articleId, version).map(this::view);
    }

    /** One kept version of an article, or a 404. */
    @ReadOnlyTransaction
    public RevisionView get(UUID articleId, long version) {
        return revisions.findVersion(articleId, version).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("revision", Long.toString(version)));
    }

    /**
     * The fields in which two versions' editable content differs, as {@code from} (this version) and {@code to}
     * (the other): top-level fields of the article input, and the fields of its objects (body, dateline, lead
     * image, syndication) one by one, so a changed caption does not repeat the whole image.
     */
    public List<RevisionView.Difference> differences(ArticleInput from, ArticleInput to) {
        JsonNode a = json.valueToTree(from);
        JsonNode b = json.valueToTree(to);
        List<RevisionView.Difference> out = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode x = a.path(name);
            JsonNode y = b.path(name);
            if (x.isObject() && y.isObject()) {
                java.util.Set<String> inner = new java.util.LinkedHashSet<>();
                x.fieldNames().forEachRemaining(inner::add);
                y.fieldNames().forEachRemaining(inner::add);
                for (String field : inner) {
                    add(out, name + "." + field, x.path(field), y.path(field));
                }
            } else {
                add(out, name, x, y);
            }
        }
        return out;
    }

    private static void add(List<RevisionView.Difference> out, String field, JsonNode from, JsonNode to) {
        JsonNode x = from.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : from;
        JsonNode y = to.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : to;
        if (!x.equals(y)) {
            out.add(new RevisionView.Difference(field, x, y));
        }
    }

    private RevisionView view(ArticleRevision r) {
        try {
            return new RevisionView(r.version, r.status, r.savedAt, r.savedBy, json.readValue(r.content, ArticleInput.class), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable revision " + r.id, e);
        }
    }
}
