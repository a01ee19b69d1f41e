package ir.hamyar.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Walks the decision chain from the first record: each must follow the one before (seq + 1, previous hash = its
 * hash) and its hash must be that of its own content. Then the chain is compared with the latest signed checkpoint.
 */
@ApplicationScoped
public class ChainVerifier {

    private final DecisionRecords records;
    private final OverrideChain overrideChain;
    private final Checkpoints checkpoints;

    public ChainVerifier(DecisionRecords records, OverrideChain overrideChain, Checkpoints checkpoints) {
        this.records = records;
        this.overrideChain = overrideChain;
        this.checkpoints = checkpoints;
    }

    public Verification verify() {
        Optional<Checkpoint> checkpoint = checkpoints.latest();
        Verification decisions = records.walkChain(chain -> walk(chain, checkpoint));
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

    private Verification walk(DecisionRecords.Cursor chain, Optional<Checkpoint> checkpoint) throws SQLException {
        long count = 0;
        String previous = HashChain.GENESIS;
        String hashAtCheckpoint = null;
        for (StoredDecision stored = chain.next(); stored != null; stored = chain.next()) {
            count++;
            String problem = null;
            if (stored.seq() != count) {
                problem = "the record before it (seq " + count + ") is missing";
            } else if (!stored.previousHash().equals(previous)) {
                problem = "its previous hash is not the hash of the record before it";
            } else if (!HashChain.holds(stored)) {
                problem = "its content does not match its hash: it was altered";
            }
            if (problem != null) {
                return new Verification(
                        count, false, stored.asked().id(), stored.seq(), problem, checkpoint.orElse(null), null);
            }
            if (checkpoint.isPresent() && checkpoint.get().seq() == stored.seq()) {
                hashAtCheckpoint = stored.hash();
            }
            previous = stored.hash();
        }
        return againstCheckpoint(count, hashAtCheckpoint, checkpoint);
    }

    private Verification againstCheckpoint(long count, String hashAtCheckpoint, Optional<Checkpoint> checkpoint) {
        if (checkpoint.isEmpty()) {
            return new Verification(count, true, null, null, null, null, null);
        }
        Checkpoint latest = checkpoint.get();
        if (!checkpoints.isAuthentic(latest)) {
            return new Verification(
                    count, false, null, null, "the latest checkpoint's signature does not verify", latest, null);
        }
        if (hashAtCheckpoint == null) {
            return new Verification(
                    count,
                    false,
                    null,
                    count + 1,
                    "the chain ends at seq " + count + " but was checkpointed at seq " + latest.seq()
                            + ": the newest records were removed",
                    latest,
                    null);
        }
        if (!hashAtCheckpoint.equals(latest.hash())) {
            return new Verification(
                    count,
                    false,
                    null,
                    latest.seq(),
                    "the record at the checkpoint (seq " + latest.seq() + ") is not the one checkpointed: the chain"
                            + " was rewritten",
                    latest,
                    null);
        }
        return new Verification(count, true, null, null, null, latest, null);
    }
}
