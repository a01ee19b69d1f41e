package ir.hamyar.ledger;

import io.agroal.api.AgroalDataSource;
import ir.hamyar.db.Jdbc;
import ir.hamyar.problem.FieldError;
import ir.hamyar.query.Page;
import ir.hamyar.query.PageRequest;
import ir.hamyar.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Auditors are audited: each read of a full record, of a failure's input, and each replay is kept with who, when and
 * from which organisation (table {@code audit_read}, append-only), and listed to auditors as "who looked".
 */
@ApplicationScoped
public class AuditReads {

    public static final String READ = "READ";
    public static final String REPLAY = "REPLAY";
    public static final String FAILURE = "FAILURE";
    public static final String IMPACT = "IMPACT";

    private static final String SELECT = "select r.id, r.at, r.actor, r.organisation, r.action, r.decision_id,"
            + " r.failure_id from audit_read r left join decision d on d.id = r.decision_id"
            + " left join evaluation_failure f on f.id = r.failure_id";

    private final AgroalDataSource dataSource;

    public AuditReads(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void decision(Caller reader, String action, UUID decisionId) {
        insert(reader, action, decisionId, null);
    }

    /** Many decisions read at once (an impact's changed decisions), in one statement. */
    public void decisions(Caller reader, String action, List<UUID> decisionIds) {
        if (decisionIds.isEmpty()) {
            return;
        }
        Jdbc.inTransaction(dataSource, connection -> {
            try (var insert = connection.prepareStatement("insert into audit_read"
                    + " (actor, organisation, action, decision_id) select ?, ?, ?, unnest(?::uuid[])")) {
                insert.setString(1, reader.name());
                insert.setString(2, organisation(reader));
                insert.setString(3, action);
                insert.setArray(4, connection.createArrayOf("uuid", decisionIds.toArray()));
                return insert.executeUpdate();
            }
        });
    }

    public void failure(Caller reader, UUID failureId) {
        insert(reader, FAILURE, null, failureId);
    }

    /** Reads of the records the scope sees (by the record's organisation), newest first. */
    public Page<AuditRead> find(Query query, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> parameters = new ArrayList<>();
        Where.scope(where, parameters, "coalesce(d.organisation, f.organisation)", query.scope());
        if (query.recordId() != null) {
            where.append(" and (r.decision_id = ? or r.failure_id = ?)");
            parameters.add(query.recordId());
            parameters.add(query.recordId());
        }
        Where.condition(where, parameters, "r.actor = ?", query.reader());
        Where.condition(where, parameters, "r.at >= ?", query.from());
        Where.condition(where, parameters, "r.at < ?", query.to());
        parameters.add(page.size() + 1);
        parameters.add(page.offset());
        return Page.ofOneMore(
                Jdbc.read(dataSource, connection -> {
                    try (PreparedStatement select = connection.prepareStatement(
                            SELECT + where + " order by r.at desc, r.id desc limit ? offset ?")) {
                        Jdbc.bind(select, parameters);
                        List<AuditRead> reads = new ArrayList<>();
                        try (ResultSet rows = select.executeQuery()) {
                            while (rows.next()) {
                                reads.add(new AuditRead(
                                        rows.getLong("id"),
                                        rows.getObject("at", OffsetDateTime.class)
                                                .toInstant(),
                                        rows.getString("actor"),
                                        rows.getString("organisation"),
                                        rows.getString("action"),
                                        text(rows.getObject("decision_id", UUID.class)),
                                        text(rows.getObject("failure_id", UUID.class))));
                            }
                        }
                        return reads;
                    }
                }),
                page);
    }

    private void insert(Caller reader, String action, UUID decisionId, UUID failureId) {
        Jdbc.inTransaction(dataSource, connection -> {
            try (var insert = connection.prepareStatement("insert into audit_read"
                    + " (actor, organisation, action, decision_id, failure_id) values (?, ?, ?, ?, ?)")) {
                insert.setString(1, reader.name());
                insert.setString(2, organisation(reader));
                insert.setString(3, action);
                insert.setObject(4, decisionId);
                insert.setObject(5, failureId);
                return insert.executeUpdate();
            }
        });
    }

    private static String organisation(Caller reader) {
        return reader.everyOrganisation() ? Caller.EVERY_ORGANISATION : reader.recordedOrganisation();
    }

    /** The {@code decisionId} filter as typed: a decision's or a failed evaluation's id, or none. */
    public static UUID recordId(String typed, List<FieldError> errors) {
        if (typed == null) {
            return null;
        }
        try {
            return UUID.fromString(typed);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("decisionId", "must be a decision or failure id (a UUID)"));
            return null;
        }
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** Which reads an auditor looks for; every filter optional. */
    public record Query(UUID recordId, String reader, OffsetDateTime from, OffsetDateTime to, Caller.Scope scope) {}
}
