package ir.hamyar.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import ir.hamyar.db.Jdbc;
import ir.hamyar.json.Json;
import ir.hamyar.query.Page;
import ir.hamyar.query.PageRequest;
import ir.hamyar.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads recorded decisions for auditors, newest first by decision time ({@code seq} breaks ties, so the order is
 * stable). Filters on conclusions and fired rules use {@code @>} on the response as jsonb (GIN index); the others
 * have b-tree indexes ending in {@code (decided_at, seq)}, which give that order too (migration V5).
 */
@ApplicationScoped
public class DecisionRecords {

    static final String COLUMNS = "seq, " + AskedColumns.withInput("decided_at")
            + ", recorded_at, response::text as response, previous_hash, hash";

    private final AgroalDataSource dataSource;

    public DecisionRecords(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One page of matching decisions, newest first. */
    public Page<StoredDecision> find(DecisionQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> parameters = new ArrayList<>();
        Where.scope(where, parameters, "organisation", query.scope());
        Where.condition(where, parameters, "subject_ref = ?", query.subjectRef());
        Where.condition(where, parameters, "kind = ?", query.kind());
        Where.condition(where, parameters, "ruleset_version = ?", query.rulesetVersion());
        Where.condition(where, parameters, "decided_at >= ?", query.from());
        Where.condition(where, parameters, "decided_at < ?", query.to());
        if (query.rule() != null) {
            ObjectNode fired = Json.MAPPER.createObjectNode();
            fired.putArray("firedRules").addObject().put("rule", query.rule());
            Where.condition(where, parameters, "response::jsonb @> ?::jsonb", fired.toString());
        }
        if (query.type() != null || query.value() != null) {
            ObjectNode concluded = Json.MAPPER.createObjectNode();
            ObjectNode conclusion = concluded.putArray("conclusions").addObject();
            if (query.type() != null) {
                conclusion.put("type", query.type());
            }
            if (query.value() != null) {
                conclusion.put("value", query.value());
            }
            Where.condition(where, parameters, "response::jsonb @> ?::jsonb", concluded.toString());
        }
        parameters.add(page.size() + 1);
        parameters.add(page.offset());
        return Page.ofOneMore(
                Jdbc.read(
                        dataSource,
                        connection -> select(
                                connection,
                                "select " + COLUMNS + " from decision" + where
                                        + " order by decided_at desc, seq desc limit ? offset ?",
                                parameters)),
                page);
    }

    /** The decision of the id as a caller wrote it (not a UUID: none). */
    public Optional<StoredDecision> find(String decisionId) {
        return AskedColumns.id(decisionId).flatMap(id -> Jdbc.read(
                        dataSource,
                        connection ->
                                select(connection, "select " + COLUMNS + " from decision where id = ?", List.of(id)))
                .stream()
                .findFirst());
    }

    /** The most recent decisions, newest first. */
    public List<StoredDecision> latest(int limit) {
        return Jdbc.read(
                dataSource,
                connection -> select(
                        connection, "select " + COLUMNS + " from decision order by seq desc limit ?", List.of(limit)));
    }

    /** How often each rule fired, and in how many decisions, among decisions made in [from, to). */
    public Map<String, long[]> firings(OffsetDateTime from, OffsetDateTime to, Caller.Scope scope) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> parameters = new ArrayList<>();
        Where.scope(where, parameters, "d.organisation", scope);
        Where.condition(where, parameters, "d.decided_at >= ?", from);
        Where.condition(where, parameters, "d.decided_at < ?", to);
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement statement =
                    connection.prepareStatement("select fired->>'rule', count(*), count(distinct d.id) from decision d,"
                            + " json_array_elements(d.response->'firedRules') fired" + where + " group by 1")) {
                Jdbc.bind(statement, parameters);
                Map<String, long[]> counts = new LinkedHashMap<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        counts.put(result.getString(1), new long[] {result.getLong(2), result.getLong(3)});
                    }
                }
                return counts;
            }
        });
    }

    public long count(OffsetDateTime from, OffsetDateTime to, Caller.Scope scope) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> parameters = new ArrayList<>();
        Where.scope(where, parameters, "organisation", scope);
        Where.condition(where, parameters, "decided_at >= ?", from);
        Where.condition(where, parameters, "decided_at < ?", to);
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select count(*) from decision" + where)) {
                Jdbc.bind(statement, parameters);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }

    /** Every record in chain order, streamed in one read-only transaction, without holding them all in memory. */
    public <T> T walkChain(ChainWalk<T> walk) {
        return Jdbc.inTransaction(dataSource, connection -> {
            connection.setReadOnly(true);
            try (PreparedStatement statement =
                    connection.prepareStatement("select " + COLUMNS + " from decision order by seq")) {
                statement.setFetchSize(1000);
                try (ResultSet rows = statement.executeQuery()) {
                    return walk.over(() -> rows.next() ? row(rows) : null);
                }
            }
        });
    }

    /** Reads records one at a time; {@code next()} is null after the last. */
    public interface ChainWalk<T> {
        T over(Cursor records) throws SQLException;
    }

    public interface Cursor {
        StoredDecision next() throws SQLException;
    }

    static StoredDecision row(ResultSet rows) throws SQLException {
        Asked asked = AskedColumns.read(rows, "decided_at", true);
        return new StoredDecision(
                rows.getLong("seq"),
                new Answered(asked, rows.getString("response")),
                rows.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rows.getString("previous_hash"),
                rows.getString("hash"));
    }

    private static List<StoredDecision> select(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            List<StoredDecision> decisions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    decisions.add(row(rows));
                }
            }
            return decisions;
        }
    }
}
