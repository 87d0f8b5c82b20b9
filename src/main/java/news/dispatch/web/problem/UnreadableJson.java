package news.dispatch.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;

/** JSON the service binds itself (a merge-patch result) that cannot be read: answered like an unreadable body. */
public class UnreadableJson extends RuntimeException {

    public UnreadableJson(JsonProcessingException cause) {
        super(cause.getOriginalMessage(), cause, false, false);
    }

    @Override
    public synchronized JsonProcessingException getCause() {
        return (JsonProcessingException) super.getCause();
    }
}
