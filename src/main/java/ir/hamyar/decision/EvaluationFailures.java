package ir.hamyar.decision;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import ir.hamyar.db.Jdbc;
import ir.hamyar.db.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps failed evaluations for auditors (table {@code evaluation_failure}) and counts them per ruleset version in
 * {@code hamyar_evaluation_failures_total}. The caller is answered a rule failure whether or not it could be kept.
 */
@ApplicationScoped
public class EvaluationFailures {

    private static final Logger LOG = Logger.getLogger(EvaluationFailures.class);
    private static final String INSERT =
            """
            insert into evaluation_failure (id, kind, subject_ref, assessed_on, failed_at, caller, idempotency_key,
                                            request_sha256, ruleset_version, ruleset_sha256, rule, reason, input)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final AgroalDataSource dataSource;
    private final MeterRegistry metrics;

    public EvaluationFailures(AgroalDataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    void record(List<FailedEvaluation> failures) {
        if (failures.isEmpty()) {
            return;
        }
        for (FailedEvaluation failure : failures) {
            LOG.errorf(
                    "Ruleset version %d could not decide (failed evaluation %s): %s",
                    failure.rulesetVersion(), failure.id(), failure.reason());
            metrics.counter("hamyar.evaluation.failures", "rulesetVersion", Integer.toString(failure.rulesetVersion()))
                    .increment();
        }
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (FailedEvaluation failure : failures) {
                        bind(insert, failure);
                        insert.addBatch();
                    }
                    return insert.executeBatch();
                }
            });
        } catch (StorageException e) {
            LOG.errorf("Keeping %d failed evaluation(s) failed: SQLState %s", failures.size(), e.sqlState());
        }
    }

    private static void bind(PreparedStatement insert, FailedEvaluation failure) throws SQLException {
        insert.setObject(1, failure.id());
        insert.setString(2, failure.kind());
        insert.setString(3, failure.subjectRef());
        insert.setDate(4, Date.valueOf(failure.assessedOn()));
        insert.setTimestamp(5, Timestamp.from(failure.failedAt()));
        insert.setString(6, failure.caller());
        insert.setString(7, failure.idempotencyKey());
        insert.setString(8, failure.requestSha256());
        insert.setInt(9, failure.rulesetVersion());
        insert.setString(10, failure.rulesetSha256());
        insert.setString(11, failure.rule());
        insert.setString(12, failure.reason());
        insert.setString(13, failure.input());
    }
}
