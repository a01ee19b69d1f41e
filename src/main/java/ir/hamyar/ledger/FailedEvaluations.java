package ir.hamyar.ledger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import ir.hamyar.db.Jdbc;
import ir.hamyar.db.StorageException;
import ir.hamyar.privacy.DataKey;
import ir.hamyar.privacy.MasterKeys;
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
    private static final String INSERT = "insert into evaluation_failure (" + AskedColumns.names("failed_at")
            + ", key_id, sealed_input, rule, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "select " + AskedColumns.names("f.", "failed_at") + ", f.rule, f.reason";
    private static final String WITH_INPUT = COLUMNS + ", f.input, f.key_id, f.sealed_input, " + SealedRows.COLUMNS
            + " from evaluation_failure f" + SealedRows.joins("f");

    private final AgroalDataSource dataSource;
    private final MeterRegistry metrics;
    private final MasterKeys masterKeys;

    public FailedEvaluations(AgroalDataSource dataSource, MeterRegistry metrics, MasterKeys masterKeys) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.masterKeys = masterKeys;
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
                Map<Subject, DataKey> keys = SubjectKeys.live(
                        connection,
                        failures.stream()
                                .map(failure -> Subject.of(failure.asked()))
                                .toList(),
                        masterKeys);
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (Failure failure : failures) {
                        bind(insert, failure, keys.get(Subject.of(failure.asked())));
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
        Where.scope(where, parameters, "f.organisation", filter.scope());
        Where.condition(where, parameters, "f.ruleset_version = ?", filter.rulesetVersion());
        Where.condition(where, parameters, "f.rule = ?", filter.rule());
        Where.condition(where, parameters, "f.failed_at >= ?", filter.from());
        Where.condition(where, parameters, "f.failed_at < ?", filter.to());
        parameters.add(page.size() + 1);
        parameters.add(page.offset());
        return Page.ofOneMore(
                Jdbc.read(dataSource, connection -> {
                    try (PreparedStatement select = connection.prepareStatement(COLUMNS + " from evaluation_failure f"
                            + where + " order by f.failed_at desc, f.id desc limit ? offset ?")) {
                        Jdbc.bind(select, parameters);
                        List<Failure> found = new ArrayList<>();
                        try (ResultSet result = select.executeQuery()) {
                            while (result.next()) {
                                found.add(read(result, null, null));
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
                    try (PreparedStatement select = connection.prepareStatement(WITH_INPUT + " where f.id = ?")) {
                        select.setObject(1, id);
                        try (ResultSet result = select.executeQuery()) {
                            return result.next() ? Optional.of(opened(result)) : Optional.empty();
                        }
                    }
                }));
    }

    /** A failure's row: its input sealed and its request digest an HMAC under the subject's key, as a decision's. */
    private static void bind(PreparedStatement insert, Failure failure, DataKey key) throws SQLException {
        Asked asked = failure.asked();
        AskedColumns.bind(insert, asked.withRequestSha256(RequestDigests.recorded(key, asked.requestSha256())));
        insert.setObject(12, key.id());
        insert.setBytes(
                13, key.seal(failure.asked().input(), about(failure.asked().id())));
        insert.setString(14, failure.rule());
        insert.setString(15, failure.reason());
    }

    /** One failure with its input opened (a plain one's as stored), or its erasure in place of it. */
    private Failure opened(ResultSet result) throws SQLException {
        Erased erased = SealedRows.erased(result);
        if (erased != null) {
            return read(result, null, erased);
        }
        String input = result.getObject("key_id") == null
                ? result.getString("input")
                : SealedRows.open(
                        SealedRows.key(result, masterKeys),
                        result.getBytes("sealed_input"),
                        about(result.getObject("id", UUID.class)));
        return read(result, input, null);
    }

    private static String about(UUID failureId) {
        return "failure " + failureId + " input";
    }

    private static Failure read(ResultSet result, String input, Erased erased) throws SQLException {
        return new Failure(
                AskedColumns.read(result, "failed_at", input),
                result.getString("rule"),
                result.getString("reason"),
                erased);
    }

    /** What an auditor looks for among failures, within the organisations she may see; every filter optional. */
    public record Filter(
            Integer rulesetVersion, String rule, OffsetDateTime from, OffsetDateTime to, Caller.Scope scope) {}
}
