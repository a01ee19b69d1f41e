package ir.hamyar.decision;

import io.agroal.api.AgroalDataSource;
import ir.hamyar.problem.Problem;
import ir.hamyar.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Records decisions, several in one transaction. A decision whose idempotency key the caller already used is not
 * recorded again: the one on record is returned instead, for the caller to compare. Nothing is answered unless the
 * transaction committed.
 */
@ApplicationScoped
public class DecisionStore {

    private static final Logger LOG = Logger.getLogger(DecisionStore.class);
    private static final String INSERT =
            """
            insert into decision (id, kind, subject_ref, assessed_on, decided_at, caller, idempotency_key,
                                  request_sha256, ruleset_version, ruleset_sha256, input, response)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)
            on conflict (caller, idempotency_key) do nothing""";
    private static final String EXISTING =
            """
            select request_sha256, response::text from decision where caller = ? and idempotency_key = ?""";

    private final AgroalDataSource dataSource;

    public DecisionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<RecordedDecision> record(List<NewDecision> decisions) {
        if (decisions.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<RecordedDecision> recorded = new ArrayList<>(decisions.size());
                for (NewDecision decision : decisions) {
                    recorded.add(record(connection, decision));
                }
                connection.commit();
                return recorded;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.errorf("Recording %d decision(s) failed: SQLState %s", decisions.size(), e.getSQLState());
            throw new ProblemException(Problem.of(
                    503,
                    "storage-unavailable",
                    "Decision not recorded",
                    "the decision could not be recorded and was not made; retry with the same Idempotency-Key"));
        }
    }

    private static RecordedDecision record(Connection connection, NewDecision decision) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, decision.id());
            insert.setString(2, decision.kind());
            insert.setString(3, decision.subjectRef());
            insert.setDate(4, Date.valueOf(decision.assessedOn()));
            insert.setTimestamp(5, Timestamp.from(decision.decidedAt()));
            insert.setString(6, decision.caller());
            insert.setString(7, decision.idempotencyKey());
            insert.setString(8, decision.requestSha256());
            insert.setInt(9, decision.rulesetVersion());
            insert.setString(10, decision.rulesetSha256());
            insert.setString(11, decision.input());
            insert.setString(12, decision.responseJson());
            if (insert.executeUpdate() == 1) {
                return new RecordedDecision(true, decision.requestSha256(), decision.responseJson());
            }
        }
        try (PreparedStatement existing = connection.prepareStatement(EXISTING)) {
            existing.setString(1, decision.caller());
            existing.setString(2, decision.idempotencyKey());
            try (ResultSet result = existing.executeQuery()) {
                result.next();
                return new RecordedDecision(false, result.getString(1), result.getString(2));
            }
        }
    }
}
