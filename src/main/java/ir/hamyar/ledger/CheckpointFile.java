package ir.hamyar.ledger;

import java.util.Optional;

/**
 * The checkpoint file as read: its latest checkpoint when every line verifies and it holds all that was written to
 * it; why not, when it cannot be trusted (the chain is then unverified, never valid); neither when nothing was ever
 * checkpointed.
 */
public record CheckpointFile(Optional<Checkpoint> latest, String unverified) {

    static final CheckpointFile NONE = new CheckpointFile(Optional.empty(), null);

    static CheckpointFile verified(Checkpoint latest) {
        return new CheckpointFile(Optional.of(latest), null);
    }

    static CheckpointFile unverified(String why) {
        return new CheckpointFile(Optional.empty(), why);
    }
}
