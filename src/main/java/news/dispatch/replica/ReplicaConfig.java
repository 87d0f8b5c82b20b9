package news.dispatch.replica;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The read replica (docs/decisions/093-read-replicas.md). The replica itself is the named datasource
 * {@code replica}, active only when {@code DISPATCH_DB_REPLICA_URL} gives its URL.
 */
@ConfigMapping(prefix = "dispatch.db.replica")
public interface ReplicaConfig {

    /**
     * How far behind the primary the replica may be and still serve reads; beyond it, reads go to the primary
     * until it has caught up.
     */
    @WithDefault("5S")
    Duration maxLag();

    /** How often the replica's replay position is compared with the primary's (keep it well under max-lag). */
    @WithDefault("1S")
    Duration probeEvery();
}
