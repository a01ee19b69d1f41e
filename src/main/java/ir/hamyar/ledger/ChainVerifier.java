package ir.hamyar.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the decision chain, lane by lane ({@link Lanes}), from each lane's first record: each must follow the one
 * before (seq + 1, previous hash = its hash) and its hash must be that of its own content. Then every lane is compared
 * with its head in the latest signed checkpoint, so that a lane's newest records, or a whole lane, removed since are
 * detected too.
 */
@ApplicationScoped
public class ChainVerifier {

    private final DecisionRecords records;
    private final OverrideChain overrideChain;
    private final Checkpoints checkpoints;
    private final HeavyReads heavyReads;

    public ChainVerifier(
            DecisionRecords records, OverrideChain overrideChain, Checkpoints checkpoints, HeavyReads heavyReads) {
        this.records = records;
        this.overrideChain = overrideChain;
        this.checkpoints = checkpoints;
        this.heavyReads = heavyReads;
    }

    /** The whole record walked, at most as many at once as {@link HeavyReads} lets run. */
    public Verification verify() {
        return heavyReads.run(this::walkEverything);
    }

    private Verification walkEverything() {
        CheckpointFile file = checkpoints.read();
        Optional<Checkpoint> checkpoint = file.latest();
        Verification decisions = records.walkChain(chain -> walk(chain, checkpoint));
        if (file.unverified() != null && decisions.valid()) {
            decisions = new Verification(
                    decisions.records(), false, null, null, "unverified: " + file.unverified(), null, null);
        }
        return decisions.with(overrides(checkpoint));
    }

    /** The override chain walked the same way, and compared with the override head the checkpoint carries. */
    private Verification.Chain overrides(Optional<Checkpoint> checkpoint) {
        long count = 0;
        String previous = HashChain.GENESIS;
        String hashAtCheckpoint = null;
        Long checkpointed = checkpoint.map(Checkpoint::overrideSeq).orElse(null);
        for (StoredOverride stored : overrideChain.all()) {
            count++;
            String problem = null;
            if (stored.seq() != count) {
                problem = "the override before it (seq " + count + ") is missing";
            } else if (!stored.previousHash().equals(previous)) {
                problem = "its previous hash is not the hash of the override before it";
            } else if (!HashChain.holds(stored)) {
                problem = "its content does not match its hash: it was altered";
            }
            if (problem != null) {
                return new Verification.Chain(count, false, stored.override().id(), stored.seq(), problem);
            }
            if (checkpointed != null && checkpointed == stored.seq()) {
                hashAtCheckpoint = stored.hash();
            }
            previous = stored.hash();
        }
        if (checkpointed != null && hashAtCheckpoint == null) {
            return new Verification.Chain(
                    count,
                    false,
                    null,
                    count + 1,
                    "the override chain ends at seq " + count + " but was checkpointed at seq " + checkpointed
                            + ": the newest overrides were removed");
        }
        if (checkpointed != null && !hashAtCheckpoint.equals(checkpoint.get().overrideHash())) {
            return new Verification.Chain(
                    count,
                    false,
                    null,
                    checkpointed,
                    "the override at the checkpoint (seq " + checkpointed + ") is not the one checkpointed");
        }
        return new Verification.Chain(count, true, null, null, null);
    }

    /**
     * Walks the lanes in order (the cursor gives records by seq, so lane by lane): within a lane each record must
     * follow the one before it, the first follow the genesis hash at the lane's first place.
     */
    private Verification walk(DecisionRecords.Cursor chain, Optional<Checkpoint> checkpoint) throws SQLException {
        Map<Long, String> checkpointed = new HashMap<>();
        checkpoint.ifPresent(latest -> latest.heads().forEach(head -> checkpointed.put(head.seq(), head.hash())));
        Map<Integer, Long> lastSeq = new HashMap<>();
        Map<Long, String> found = new HashMap<>();
        long count = 0;
        long expected = 0;
        int lane = 0;
        String previous = HashChain.GENESIS;
        for (StoredDecision stored = chain.next(); stored != null; stored = chain.next()) {
            count++;
            if (Lanes.of(stored.seq()) != lane) {
                lane = Lanes.of(stored.seq());
                expected = Lanes.before(lane);
                previous = HashChain.GENESIS;
            }
            expected++;
            String problem = null;
            if (stored.seq() <= 0 || lane >= Lanes.COUNT) {
                problem = "its seq is outside the chain's " + Lanes.COUNT + " lanes";
            } else if (stored.seq() != expected) {
                problem = "the record before it (seq " + expected + ") is missing";
            } else if (!stored.previousHash().equals(previous)) {
                problem = "its previous hash is not the hash of the record before it";
            } else if (!HashChain.holds(stored)) {
                problem = "its content does not match its hash: it was altered";
            }
            if (problem != null) {
                return new Verification(
                        count, false, stored.asked().id(), stored.seq(), problem, checkpoint.orElse(null), null);
            }
            if (checkpointed.containsKey(stored.seq())) {
                found.put(stored.seq(), stored.hash());
            }
            lastSeq.put(lane, stored.seq());
            previous = stored.hash();
        }
        return againstCheckpoint(count, checkpointed, found, lastSeq, checkpoint);
    }

    /** Every lane's head the checkpoint signed must be on record, unchanged. */
    private Verification againstCheckpoint(
            long count,
            Map<Long, String> checkpointed,
            Map<Long, String> found,
            Map<Integer, Long> lastSeq,
            Optional<Checkpoint> checkpoint) {
        if (checkpoint.isEmpty()) {
            return new Verification(count, true, null, null, null, null, null);
        }
        Checkpoint latest = checkpoint.get();
        if (!checkpoints.isAuthentic(latest)) {
            return new Verification(
                    count, false, null, null, "the latest checkpoint's signature does not verify", latest, null);
        }
        for (Checkpoint.Head head : latest.heads()) {
            int lane = head.lane();
            String onRecord = found.get(head.seq());
            if (onRecord == null) {
                long last = lastSeq.getOrDefault(lane, Lanes.before(lane));
                return new Verification(
                        count,
                        false,
                        null,
                        last + 1,
                        (lane == 0 ? "the chain" : "lane " + lane + " of the chain") + " ends at seq " + last
                                + " but was checkpointed at seq " + head.seq() + ": the newest records were removed",
                        latest,
                        null);
            }
            if (!onRecord.equals(head.hash())) {
                return new Verification(
                        count,
                        false,
                        null,
                        head.seq(),
                        "the record at the checkpoint (seq " + head.seq() + ") is not the one checkpointed: the chain"
                                + " was rewritten",
                        latest,
                        null);
            }
        }
        return new Verification(count, true, null, null, null, latest, null);
    }
}
