package ir.hamyar.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import ir.hamyar.ledger.DecisionRecords;
import ir.hamyar.ledger.StoredDecision;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads what the service recorded in PostgreSQL, straight from the table. */
public final class Records {

    private Records() {}

    public static int countForSubject(AgroalDataSource dataSource, String subjectRef) {
        return count(dataSource, "select count(*) from decision where subject_ref = ?", subjectRef);
    }

    public static int countForId(AgroalDataSource dataSource, UUID id) {
        return count(dataSource, "select count(*) from decision where id = ?::uuid", id.toString());
    }

    public static int countForKey(AgroalDataSource dataSource, String caller, String key) {
        return count(dataSource, "select count(*) from decision where caller = ? and idempotency_key = ?", caller, key);
    }

    /**
     * A decision's row as stored, with {@code sealed} (input and answer stored only as ciphertext) and its input and
     * answer as the ledger opens them.
     */
    public static Optional<Map<String, Object>> decision(AgroalDataSource dataSource, String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select kind, subject_ref, assessed_on, caller, idempotency_key, ruleset_version,"
                                + " ruleset_sha256, (input is null and response is null and sealed_input is not null"
                                + " and sealed_response is not null) as sealed from decision where id = ?")) {
            statement.setObject(1, UUID.fromString(id));
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                StoredDecision opened = Arc.container()
                        .instance(DecisionRecords.class)
                        .get()
                        .find(id)
                        .orElseThrow();
                row.put("input", opened.asked().input());
                row.put("response", opened.answered().responseText());
                return Optional.of(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(AgroalDataSource dataSource, String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
