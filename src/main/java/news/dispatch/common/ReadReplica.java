package news.dispatch.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A PostgreSQL streaming replica that may serve public reads, as the kernel sees it (docs/decisions/093). The
 * application has at most one implementation; without a configured replica every read stays on the primary and
 * {@link #committed()} completes at once.
 */
public interface ReadReplica {

    /** A stage that is complete already: nothing to wait for. */
    CompletionStage<Void> NOTHING_TO_WAIT_FOR = CompletableFuture.completedFuture(null);

    /**
     * Called by a read (marked {@code @ReadOnlyTransaction(replica = true)}) that has just begun its own transaction,
     * before its first statement: binds that transaction's Hibernate session to a replica connection when this read
     * may and should be served by the replica (a public or partner request; the replica healthy, within its lag
     * bound and caught up with every write this instance knows of). Returns what to release once the transaction
     * has ended, or null when the primary serves the read.
     */
    AutoCloseable bind();

    /**
     * A read served by the replica failed: true when it should run again on the primary (the replica is unreachable,
     * or cancelled the read for a conflict with recovery); the replica is then set aside until it answers again.
     */
    boolean retryOnPrimary(Throwable failure);

    /**
     * A write has committed on the primary (one of this instance's, or another's it heard of). Call it before the
     * cached answers it touched are dropped: until the replica has replayed it, the reads that could fill them again
     * go to the primary. The stage completes once the replica has replayed the write, or no longer serves reads.
     */
    CompletionStage<Void> committed();
}
