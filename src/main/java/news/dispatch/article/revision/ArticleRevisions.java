package news.dispatch.article.revision;

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

    private RevisionView view(ArticleRevision r) {
        try {
            return new RevisionView(r.version, r.status, r.savedAt, r.savedBy, json.readValue(r.content, ArticleInput.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable revision " + r.id, e);
        }
    }
}
