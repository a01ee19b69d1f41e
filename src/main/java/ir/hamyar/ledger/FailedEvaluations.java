package ir.hamyar.ledger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import ir.hamyar.db.Jdbc;
import ir.hamyar.db.StorageException;
import ir.hamyar.query.Page;
import ir.hamyar.query.PageRequest;
import ir.hamyar.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The failed evaluations (table {@code evaluation_failure}, append-only, not on the decision chain: they are not
 * decisions): kept for auditors, counted per ruleset version in {@code hamyar_evaluation_failures_total}, and read
 * newest first, filtered by ruleset version, rule and time.
 */
@ApplicationScoped
public class FailedEvaluations {

    private static final Logger LOG = Logger.getLogger(FailedEvaluations.class);
    private static final String INSERT = "insert into evaluation_failure (" + AskedColumns.withInput("failed_at")
            + ", rule, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "select " + AskedColumns.names("failed_at") + ", rule, reason";

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
        Where.scope(where, parameters, "organisation", filter.scope());
        Where.condition(where, parameters, "ruleset_version = ?", filter.rulesetVersion());
        Where.condition(where, parameters, "rule = ?", filter.rule());
        Where.condition(where, parameters, "failed_at >= ?", filter.from());
        Where.condition(where, parameters, "failed_at < ?", filter.to());
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
                                found.add(read(result, false));
                            }
                        }
                        return found;
                    }
                }),
                page);
    }

    /** How many evaluations failed in each rule, among failures in [from, to) the scope sees. */
    public Map<String, Long> countsByRule(OffsetDateTime from, OffsetDateTime to, Caller.Scope scope) {
        StringBuilder where = new StringBuilder(" where rule is not null");
        List<Object> parameters = new ArrayList<>();
        Where.scope(where, parameters, "organisation", scope);
        Where.condition(where, parameters, "failed_at >= ?", from);
        Where.condition(where, parameters, "failed_at < ?", to);
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select rule, count(*) from evaluation_failure" + where + " group by rule")) {
                Jdbc.bind(select, parameters);
                Map<String, Long> counts = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
                return counts;
            }
        });
    }

    /** One failure, with the input as received, by its id as a caller wrote it (not a UUID: none). */
    public Optional<Failure> find(String failureId) {
        return AskedColumns.id(failureId)
                .flatMap(id -> Jdbc.read(dataSource, connection -> {
                    try (PreparedStatement select =
                            connection.prepareStatement(COLUMNS + ", input from evaluation_failure where id = ?")) {
                        select.setObject(1, id);
                        try (ResultSet result = select.executeQuery()) {
                            return result.next() ? Optional.of(read(result, true)) : Optional.empty();
                        }
                    }
                }));
    }

    private static void bind(PreparedStatement insert, Failure failure) throws SQLException {
        AskedColumns.bind(insert, failure.asked());
        insert.setString(13, failure.rule());
        insert.setString(14, failure.reason());
    }

    private static Failure read(ResultSet result, boolean withInput) throws SQLException {
        return new Failure(
                AskedColumns.read(result, "failed_at", withInput),
                result.getString("rule"),
                result.getString("reason"));
    }

    /** What an auditor looks for among failures, within the organisations she may see; every filter optional. */
    public record Filter(
            Integer rulesetVersion, String rule, OffsetDateTime from, OffsetDateTime to, Caller.Scope scope) {}
}
