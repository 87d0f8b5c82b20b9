package news.dispatch.article;

import news.dispatch.common.Ids;
import news.dispatch.web.Cursor;
import news.dispatch.web.Timestamps;
import news.dispatch.web.problem.ProblemException;

import java.time.Instant;
import java.util.UUID;

/** Cursors of article lists: the sort time (epoch microseconds) and id of the last article of a page. */
final class ArticleCursors {

    private ArticleCursors() {
    }

    record Key(Instant time, UUID id) {
    }

    static Cursor after(ArticleSort sort, Article last) {
        Instant time = sort == ArticleSort.LATEST_CHANGE ? last.updatedAt : last.publishedAt;
        long micros = time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
        return new Cursor(sort.parameter(), Long.toString(micros), last.id.toString());
    }

    static Key key(Cursor cursor) {
        try {
            long micros = Long.parseLong(cursor.key());
            UUID id = Ids.parse(cursor.id()).orElseThrow(IllegalArgumentException::new);
            Instant time = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            if (!Timestamps.storable(time)) {
                throw new IllegalArgumentException("outside the times the database stores");
            }
            return new Key(time, id);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API issued");
        }
    }
}
