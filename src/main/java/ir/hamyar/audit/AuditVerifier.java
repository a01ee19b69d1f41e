package ir.hamyar.audit;

import io.agroal.api.AgroalDataSource;
import ir.hamyar.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Walks the decision chain from the first record: each must follow the one before (seq + 1, previous hash = its
 * hash) and its hash must be that of its own content. Then the chain is compared with the latest signed checkpoint.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final String RECORDS =
            """
            select seq, id, kind, subject_ref, assessed_on, decided_at, recorded_at, caller, idempotency_key,
                   request_sha256, ruleset_version, ruleset_sha256, input, response::text, previous_hash, hash
            from decision order by seq""";

    private final AgroalDataSource dataSource;
    private final AuditCheckpoints checkpoints;

    public AuditVerifier(AgroalDataSource dataSource, AuditCheckpoints checkpoints) {
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
    }

    public Verification verify() {
        Optional<Checkpoint> checkpoint = checkpoints.latest();
        return Jdbc.inTransaction(dataSource, connection -> {
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(RECORDS)) {
                statement.setFetchSize(1000);
                try (ResultSet rows = statement.executeQuery()) {
                    return walk(rows, checkpoint);
                }
            }
        });
    }

    private Verification walk(ResultSet rows, Optional<Checkpoint> checkpoint) throws SQLException {
        long count = 0;
        String previous = AuditChain.GENESIS;
        String hashAtCheckpoint = null;
        while (rows.next()) {
            count++;
            ChainedRecord record = record(rows);
            String storedPrevious = rows.getString(15);
            String storedHash = rows.getString(16);
            String problem = null;
            if (record.seq() != count) {
                problem = "the record before it (seq " + count + ") is missing";
            } else if (!storedPrevious.equals(previous)) {
                problem = "its previous hash is not the hash of the record before it";
            } else if (!AuditChain.link(previous, record).equals(storedHash)) {
                problem = "its content does not match its hash: it was altered";
            }
            if (problem != null) {
                return new Verification(count, false, record.id(), record.seq(), problem, checkpoint.orElse(null));
            }
            if (checkpoint.isPresent() && checkpoint.get().seq() == record.seq()) {
                hashAtCheckpoint = storedHash;
            }
            previous = storedHash;
        }
        return againstCheckpoint(count, hashAtCheckpoint, checkpoint);
    }

    private Verification againstCheckpoint(long count, String hashAtCheckpoint, Optional<Checkpoint> checkpoint) {
        if (checkpoint.isEmpty()) {
            return new Verification(count, true, null, null, null, null);
        }
        Checkpoint latest = checkpoint.get();
        if (!checkpoints.isAuthentic(latest)) {
            return new Verification(
                    count, false, null, null, "the latest checkpoint's signature does not verify", latest);
        }
        if (hashAtCheckpoint == null) {
            return new Verification(
                    count,
                    false,
                    null,
                    count + 1,
                    "the chain ends at seq " + count + " but was checkpointed at seq " + latest.seq()
                            + ": the newest records were removed",
                    latest);
        }
        if (!hashAtCheckpoint.equals(latest.hash())) {
            return new Verification(
                    count,
                    false,
                    null,
                    latest.seq(),
                    "the record at the checkpoint (seq " + latest.seq() + ") is not the one checkpointed: the chain"
                            + " was rewritten",
                    latest);
        }
        return new Verification(count, true, null, null, null, latest);
    }

    private static ChainedRecord record(ResultSet rows) throws SQLException {
        return new ChainedRecord(
                rows.getLong(1),
                rows.getObject(2, UUID.class),
                rows.getString(3),
                rows.getString(4),
                rows.getObject(5, java.time.LocalDate.class),
                rows.getObject(6, java.time.OffsetDateTime.class).toInstant(),
                rows.getObject(7, java.time.OffsetDateTime.class).toInstant(),
                rows.getString(8),
                rows.getString(9),
                rows.getString(10),
                rows.getInt(11),
                rows.getString(12),
                rows.getString(13),
                rows.getString(14));
    }
}
