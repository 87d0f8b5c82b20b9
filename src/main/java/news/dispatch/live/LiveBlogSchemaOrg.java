package news.dispatch.live;

import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.syndication.LiveBlogUpdates;

import java.util.List;
import java.util.UUID;

/** A live blog's newest entries for its schema.org {@code LiveBlogPosting}. */
@ApplicationScoped
public class LiveBlogSchemaOrg implements LiveBlogUpdates {

    private final LiveEntryService entries;

    public LiveBlogSchemaOrg(LiveEntryService entries) {
        this.entries = entries;
    }

    @Override
    public List<Update> latest(UUID articleId) {
        return entries.latest(articleId, LIMIT).stream()
                .map(e -> new Update(e.id, e.at, e.updatedAt, e.title, e.bodyText,
                        e.picture == null ? null : e.picture.url()))
                .toList();
    }
}
