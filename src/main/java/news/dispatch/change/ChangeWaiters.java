package news.dispatch.change;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.dispatch.cache.ContentCache;
import news.dispatch.cache.Purgeable;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The change feed's long polls waiting for a change (decision 163). A waiter is a future and a Vert.x timer: it holds
 * no thread and no database connection. Every invalidation of the change feed's pages wakes every waiter, whether
 * this instance wrote the change or heard of it from another one (decision 087); each then reads its page again.
 */
@ApplicationScoped
public class ChangeWaiters {

    private final Vertx vertx;
    private final Set<CompletableFuture<Boolean>> waiting = ConcurrentHashMap.newKeySet();

    public ChangeWaiters(ContentCache cache, Vertx vertx) {
        this.vertx = vertx;
        cache.listen(keys -> {
            if (keys.contains(Purgeable.CHANGES) || keys.contains(ContentCache.ALL_KEY)) {
                wakeAll(true);
            }
        });
    }

    /** A waiter, armed now: it completes with true at the next change, false when the time is up. */
    public Waiter arm(Duration max) {
        CompletableFuture<Boolean> future = new CompletableFuture<>();
        waiting.add(future);
        long timer = vertx.setTimer(Math.max(1, max.toMillis()), id -> future.complete(false));
        future.whenComplete((changed, failure) -> {
            waiting.remove(future);
            vertx.cancelTimer(timer);
        });
        return new Waiter(future);
    }

    /** How many requests wait now (tests, metrics). */
    public int waiting() {
        return waiting.size();
    }

    private void wakeAll(boolean changed) {
        for (CompletableFuture<Boolean> future : waiting) {
            future.complete(changed);
        }
    }

    /** Waiting requests answer (an empty page) rather than hold up a graceful shutdown. */
    void stop(@Observes ShutdownEvent event) {
        wakeAll(false);
    }

    /** One armed wait. */
    public record Waiter(CompletableFuture<Boolean> future) {

        /** Completes with true on a change, false at the time limit. */
        public Uni<Boolean> changed() {
            return Uni.createFrom().completionStage(future);
        }

        /** No longer waited for. */
        public void cancel() {
            future.complete(false);
        }
    }
}
