package ir.hamyar.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "hamyar.audit")
public interface LedgerConfig {

    Checkpoint checkpoint();

    /** How long recording may wait (a locked table, a stuck database) before its requests are answered 503. */
    @WithDefault("5s")
    Duration writeTimeout();

    /**
     * Writer threads appending decisions at once, each to its own lane of the chain (at most 8 lanes in all, shared by
     * every replica: a writer whose lane another holds takes the next free one). One by default: on a machine whose
     * cores PostgreSQL shares with the service a second adds database work, not throughput (docs/performance.md).
     */
    @WithDefault("1")
    int writers();

    HeavyReads heavyReads();

    /** Impact and verify each open or walk the whole record: how many run at once on a replica, how many may wait. */
    interface HeavyReads {

        @WithDefault("2")
        int running();

        /** Requests waiting for a turn beyond those running; the next one is answered 429 with Retry-After. */
        @WithDefault("4")
        int waiting();
    }

    interface Checkpoint {

        /** The HMAC-SHA256 key checkpoints are signed with; without one no checkpoint is written. */
        Optional<String> key();

        /** Where checkpoints are appended, one JSON line each, for an operator to ship elsewhere. */
        @WithDefault("hamyar-audit-checkpoints.jsonl")
        Path file();

        /** How often the chain head is checkpointed (only when it moved). */
        @WithDefault("60s")
        Duration interval();
    }
}
