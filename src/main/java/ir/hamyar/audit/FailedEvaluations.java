package ir.hamyar.audit;

import io.agroal.api.AgroalDataSource;
import ir.hamyar.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the failed evaluations, newest first, filtered by ruleset version, rule and time. */
@ApplicationScoped
public class FailedEvaluations {

    private static final String COLUMNS =
            "select id, kind, subject_ref, assessed_on, failed_at, caller, idempotency_key, ruleset_version,"
                    + " ruleset_sha256, rule, reason, request_sha256";

    private final AgroalDataSource dataSource;

    public FailedEvaluations(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One more than {@code size} when there are more: the caller tells whether there is a next page. */
    List<FailedEvaluation> find(Filter filter, int page, int size) {
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
        parameters.add(size + 1);
        parameters.add((long) page * size);
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(COLUMNS + " from evaluation_failure" + where
                    + " order by failed_at desc, id desc limit ? offset ?")) {
                Jdbc.bind(select, parameters);
                List<FailedEvaluation> found = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        found.add(read(result, null));
                    }
                }
                return found;
            }
        });
    }

    Optional<FailedEvaluation> find(UUID id) {
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

    private static FailedEvaluation read(ResultSet result, String input) throws SQLException {
        return new FailedEvaluation(
                result.getString("id"),
                result.getString("kind"),
                result.getString("subject_ref"),
                result.getDate("assessed_on").toLocalDate(),
                result.getObject("failed_at", OffsetDateTime.class),
                result.getString("caller"),
                result.getString("idempotency_key"),
                new AuditRecord.Ruleset(result.getInt("ruleset_version"), result.getString("ruleset_sha256")),
                result.getString("rule"),
                result.getString("reason"),
                result.getString("request_sha256"),
                input);
    }

    record Filter(Integer rulesetVersion, String rule, OffsetDateTime from, OffsetDateTime to) {}
}
