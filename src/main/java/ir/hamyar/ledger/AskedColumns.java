package ir.hamyar.ledger;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The columns of what was asked, which the decision and the evaluation_failure tables both keep, in one order: the
 * first eleven parameters of their inserts ({@link #names}), and what their reads turn back into an {@link Asked}.
 * The input is sealed, so each table stores and reads it itself.
 */
final class AskedColumns {

    private AskedColumns() {}

    /** The columns but the input, {@code atColumn} being the table's own time (decided_at, failed_at). */
    static String names(String atColumn) {
        return names("", atColumn);
    }

    /** The same, each column prefixed with a table alias ({@code "d."}) for reads that join. */
    static String names(String alias, String atColumn) {
        return String.join(
                ", ",
                Stream.of(
                                "id",
                                "kind",
                                "subject_ref",
                                "assessed_on",
                                atColumn,
                                "caller",
                                "idempotency_key",
                                "request_sha256",
                                "ruleset_version",
                                "ruleset_sha256",
                                "organisation")
                        .map(column -> alias + column)
                        .toList());
    }

    static void bind(PreparedStatement insert, Asked asked) throws SQLException {
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
        insert.setString(11, asked.organisation());
    }

    /** What a row asked, with the input as the reader opened it (null: not read, or erased). */
    static Asked read(ResultSet row, String atColumn, String input) throws SQLException {
        return new Asked(
                row.getObject("id", UUID.class),
                row.getString("kind"),
                row.getString("subject_ref"),
                row.getObject("assessed_on", LocalDate.class),
                row.getObject(atColumn, OffsetDateTime.class).toInstant(),
                row.getString("caller"),
                row.getString("organisation"),
                row.getString("idempotency_key"),
                row.getString("request_sha256"),
                row.getInt("ruleset_version"),
                row.getString("ruleset_sha256"),
                input);
    }

    /** An id as a caller wrote it in a path: a UUID, or nothing on record. */
    static Optional<UUID> id(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
