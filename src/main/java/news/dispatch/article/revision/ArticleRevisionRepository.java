package news.dispatch.article.revision;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ArticleRevisionRepository implements PanacheRepositoryBase<ArticleRevision, UUID> {

    /** Revisions of an article, newest first, older than the given version. */
    public List<ArticleRevision> findPage(UUID articleId, Long beforeVersion, int limit) {
        if (beforeVersion == null) {
            return find("articleId = ?1 order by version desc", articleId).page(0, limit).list();
        }
        return find("articleId = ?1 and version < ?2 order by version desc", articleId, beforeVersion).page(0, limit).list();
    }

    public java.util.Optional<ArticleRevision> findVersion(UUID articleId, long version) {
        return find("articleId = ?1 and version = ?2", articleId, version).firstResultOptional();
    }

    public long countFor(UUID articleId) {
        return count("articleId", articleId);
    }
}
