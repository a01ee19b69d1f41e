package ir.hamyar.ledger;

import io.agroal.api.AgroalDataSource;
import ir.hamyar.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Forgets a subject in one transaction: takes the advisory locks of all the chain's lanes (so no decision writer seals
 * anything under a key being wiped) and her live data keys {@code FOR UPDATE} (waiting for the other writers sealing
 * under them, and holding new ones back), records the erasure, wipes the wrapped keys, marks her decisions, failed
 * evaluations and the overrides of her decisions as erased (wiping their conclusions' search terms, and replacing
 * what plain records made before sealing hold by its sha256), and gives her report outcomes a pseudonym. Every hash
 * stays as it was: the chains cover ciphertext or digests, which remain.
 */
@ApplicationScoped
public class Erasures {

    private static final String LOCK_KEYS =
            "select id from subject_key where subject_ref = ? and wrapped is not null for update";
    private static final String COUNT = "select count(*) from decision where subject_ref = ? and erasure_id is null";
    private static final String RECORD = "insert into erasure (subject_ref, erased_at, erased_by, reason, decisions)"
            + " values (?, ?, ?, ?, ?) returning id";
    private static final String WIPE_KEYS =
            "update subject_key set wrapped = null, erasure_id = ? where subject_ref = ? and wrapped is not null";
    private static final String DECISIONS = "update decision set erasure_id = ?, concluded_ids = null,"
            + " input_sha256 = coalesce(encode(sha256(convert_to(input, 'UTF8')), 'hex'), input_sha256),"
            + " response_sha256 = coalesce(encode(sha256(convert_to(response::text, 'UTF8')), 'hex'), response_sha256),"
            + " input = null, response = null where subject_ref = ? and erasure_id is null";
    private static final String FAILURES =
            "update evaluation_failure set erasure_id = ?, input = null where subject_ref = ? and erasure_id is null";
    private static final String OVERRIDES = "update decision_override o set erasure_id = ?,"
            + " reason_sha256 = coalesce(encode(sha256(convert_to(reason, 'UTF8')), 'hex'), reason_sha256),"
            + " reason = null from decision d where d.id = o.decision_id and d.subject_ref = ? and o.erasure_id is null";
    private static final String OUTCOMES = "update decision_outcome set subject_ref = ? where subject_ref = ?";

    private final AgroalDataSource dataSource;

    public Erasures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Erases the subject; answers how many decisions were erased now (none more than once). */
    public Erasure erase(String subjectRef, String by, String reason, Instant at) {
        return Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement lock = connection.prepareStatement(Lanes.LOCK_ALL)) {
                lock.execute();
            }
            try (PreparedStatement lockKeys = connection.prepareStatement(LOCK_KEYS)) {
                lockKeys.setString(1, subjectRef);
                lockKeys.executeQuery().close();
            }
            int decisions = count(connection, subjectRef);
            long id;
            try (PreparedStatement record = connection.prepareStatement(RECORD)) {
                record.setString(1, subjectRef);
                record.setTimestamp(2, Timestamp.from(at));
                record.setString(3, by);
                record.setString(4, reason);
                record.setInt(5, decisions);
                try (ResultSet row = record.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            for (String sql : List.of(WIPE_KEYS, DECISIONS, FAILURES, OVERRIDES)) {
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    update.setLong(1, id);
                    update.setString(2, subjectRef);
                    update.executeUpdate();
                }
            }
            try (PreparedStatement pseudonym = connection.prepareStatement(OUTCOMES)) {
                pseudonym.setString(1, "erased:" + UUID.randomUUID());
                pseudonym.setString(2, subjectRef);
                pseudonym.executeUpdate();
            }
            return new Erasure(subjectRef, decisions, at);
        });
    }

    private static int count(Connection connection, String subjectRef) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setString(1, subjectRef);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** What an erasure answers: whose, how many of her decisions it erased, when. */
    public record Erasure(String subjectRef, int decisions, Instant erasedAt) {}
}
