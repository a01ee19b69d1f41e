package ir.hamyar.ledger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import ir.hamyar.db.Jdbc;
import ir.hamyar.db.StorageException;
import ir.hamyar.query.Page;
import ir.hamyar.query.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The failed evaluations (table {@code evaluation_failure}, append-only, not on the decision chain: they are not
 * decisions): kept for auditors, counted per ruleset version in {@code hamyar_evaluation_failures_total}, and read
 * newest first, filtered by ruleset version, rule and time.
 */
@ApplicationScoped
public class FailedEvaluations {

    private static final Logger LOG = Logger.getLogger(FailedEvaluations.class);
    private static final String INSERT =
            """
            insert into evaluation_failure (id, kind, subject_ref, assessed_on, failed_at, caller, idempotency_key,
                                            request_sha256, ruleset_version, ruleset_sha256, rule, reason, input)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String COLUMNS =
            "select id, kind, subject_ref, assessed_on, failed_at, caller, idempotency_key, request_sha256,"
                    + " ruleset_version, ruleset_sha256, rule, reason";

    private final AgroalDataSource dataSource;
    private final MeterRegistry metrics;

    public FailedEvaluations(AgroalDataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    /** Keeps the failures; the caller is answered a rule failure whether or not they could be kept. */
    public void keep(List<Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        for (Failure failure : failures) {
            LOG.errorf(
                    "Ruleset version %d could not decide (failed evaluation %s): %s",
                    failure.asked().rulesetVersion(), failure.asked().id(), failure.reason());
            metrics.counter(
                            "hamyar.evaluation.failures",
                            "rulesetVersion",
                            Integer.toString(failure.asked().rulesetVersion()))
                    .increment();
        }
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (Failure failure : failures) {
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

    /** One page of failures, newest first, without their input. */
    public Page<Failure> find(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> parameters = new ArrayList<>();
        if (filter.rulesetVersion() != null) {
            where.append(" and ruleset_version = ?");
            parameters.add(filter.rulesetVersion());
        }
        if (filter.rule() != null) {
            where.append(" and rule = ?");
            parameters.add(filter.rule());
        }
        if (filter.from() != null) {
            where.append(" and failed_at >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" and failed_at < ?");
            parameters.add(filter.to());
        }
        parameters.add(page.size() + 1);
        parameters.add(page.offset());
        return Page.ofOneMore(
                Jdbc.read(dataSource, connection -> {
                    try (PreparedStatement select = connection.prepareStatement(COLUMNS + " from evaluation_failure"
                            + where + " order by failed_at desc, id desc limit ? offset ?")) {
                        Jdbc.bind(select, parameters);
                        List<Failure> found = new ArrayList<>();
                        try (ResultSet result = select.executeQuery()) {
                            while (result.next()) {
                                found.add(read(result, null));
                            }
                        }
                        return found;
                    }
                }),
                page);
    }

    /** One failure with the input as received. */
    public Optional<Failure> find(UUID id) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement(COLUMNS + ", input from evaluation_failure where id = ?")) {
                select.setObject(1, id);
                try (ResultSet result = select.executeQuery()) {
                    return result.next() ? Optional.of(read(result, result.getString("input"))) : Optional.empty();
                }
            }
        });
    }

    private static void bind(PreparedStatement insert, Failure failure) throws SQLException {
        Asked asked = failure.asked();
        insert.setObject(1, asked.id());
        insert.setString(2, asked.kind());
        insert.setString(3, asked.subjectRef());
        insert.setDate(4, Date.valueOf(asked.assessedOn()));
        insert.setTimestamp(5, Timestamp.from(asked.at()));
        insert.setString(6, asked.caller());
        insert.setString(7, asked.idempotencyKey());
        insert.setString(8, asked.requestSha256());
        insert.setInt(9, asked.rulesetVersion());
        insert.setString(10, asked.rulesetSha256());
        insert.setString(11, failure.rule());
        insert.setString(12, failure.reason());
        insert.setString(13, asked.input());
    }

    private static Failure read(ResultSet result, String input) throws SQLException {
        return new Failure(
                new Asked(
                        result.getObject("id", UUID.class),
                        result.getString("kind"),
                        result.getString("subject_ref"),
                        result.getDate("assessed_on").toLocalDate(),
                        result.getObject("failed_at", OffsetDateTime.class).toInstant(),
                        result.getString("caller"),
                        result.getString("idempotency_key"),
                        result.getString("request_sha256"),
                        result.getInt("ruleset_version"),
                        result.getString("ruleset_sha256"),
                        input),
                result.getString("rule"),
                result.getString("reason"));
    }

    /** What an auditor looks for among failures; every field optional. */
    public record Filter(Integer rulesetVersion, String rule, OffsetDateTime from, OffsetDateTime to) {}
}
