package ir.hamyar.ledger;

import io.agroal.api.AgroalDataSource;
import ir.hamyar.calendar.IranTime;
import ir.hamyar.db.Jdbc;
import ir.hamyar.json.Utf8Json;
import ir.hamyar.privacy.DataKey;
import ir.hamyar.privacy.MasterKeys;
import ir.hamyar.query.Page;
import ir.hamyar.query.PageRequest;
import ir.hamyar.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
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
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads recorded decisions for auditors, newest first by decision time ({@code seq} breaks ties, so the order is
 * stable), opening sealed inputs and answers with their subject's data key (an erased subject's stay closed and read
 * as null, with the erasure). Filters on conclusions and fired rules use {@code @>} on the narrow arrays of
 * {@link SearchTerms} (one GIN index, migration V10); the others have b-tree indexes ending in
 * {@code (decided_at, seq)}, which give that order too (migration V5).
 */
@ApplicationScoped
public class DecisionRecords {

    /** What the chain covers of a record: enough to verify it, nothing to open. */
    private static final String CHAINED = "d.seq, " + AskedColumns.names("d.", "decided_at")
            + ", d.recorded_at, d.input, d.response::text as response, d.key_id, d.sealed_input, d.sealed_response,"
            + " " + SearchTermNumbers.FIRED_RULES + ", d.input_sha256, d.response_sha256, d.previous_hash, d.hash,"
            + " d.chain_form, d.erased_fired_rules, x.rules_key_id, x.rules_key_wrapped, x.rules_key_master";
    /** A record with its data key and its erasure, from {@link #FROM}. */
    static final String COLUMNS = CHAINED + ", " + SealedRows.COLUMNS;

    static final String FROM = " from decision d" + SealedRows.joins("d");

    private final AgroalDataSource dataSource;
    private final MasterKeys masterKeys;

    public DecisionRecords(AgroalDataSource dataSource, MasterKeys masterKeys) {
        this.dataSource = dataSource;
        this.masterKeys = masterKeys;
    }

    /** One page of matching decisions, newest first. */
    public Page<StoredDecision> find(DecisionQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> parameters = new ArrayList<>();
        Where.scope(where, parameters, "d.organisation", query.scope());
        Where.condition(where, parameters, "d.subject_ref = ?", query.subjectRef());
        Where.condition(where, parameters, "d.kind = ?", query.kind());
        Where.condition(where, parameters, "d.ruleset_version = ?", query.rulesetVersion());
        Where.condition(where, parameters, "d.decided_at >= ?", query.from());
        Where.condition(where, parameters, "d.decided_at < ?", query.to());
        Where.condition(where, parameters, SearchTermNumbers.includes("d.fired_rule_ids"), query.rule());
        if (query.type() != null && query.value() != null) {
            Where.condition(
                    where,
                    parameters,
                    SearchTermNumbers.includes("d.concluded_ids"),
                    SearchTerms.token(query.type(), query.value()));
        } else if (query.type() != null) {
            Where.condition(where, parameters, SearchTermNumbers.includes("d.concluded_ids"), query.type());
        } else if (query.value() != null) {
            Where.condition(
                    where,
                    parameters,
                    "d.concluded_ids && array(select t.id from search_term t where strpos(t.term, '=') > 0"
                            + " and substr(t.term, strpos(t.term, '=') + 1) = ?)",
                    query.value());
        }
        parameters.add(page.size() + 1);
        parameters.add(page.offset());
        return Page.ofOneMore(
                Jdbc.read(
                        dataSource,
                        connection -> select(
                                connection,
                                "select " + COLUMNS + FROM + where
                                        + " order by d.decided_at desc, d.seq desc limit ? offset ?",
                                parameters)),
                page);
    }

    /** The decision of the id as a caller wrote it (not a UUID: none). */
    public Optional<StoredDecision> find(String decisionId) {
        return AskedColumns.id(decisionId).flatMap(id -> Jdbc.read(
                        dataSource,
                        connection -> select(connection, "select " + COLUMNS + FROM + " where d.id = ?", List.of(id)))
                .stream()
                .findFirst());
    }

    /**
     * The most recent decisions of a scope that can still be read (not erased), newest first, handed over {@code batch}
     * at a time from one read-only cursor: a caller replaying thousands never holds them all opened at once.
     */
    public void latest(Caller.Scope scope, int limit, int batch, Consumer<List<StoredDecision>> each) {
        StringBuilder where = new StringBuilder(" where d.erasure_id is null");
        List<Object> parameters = new ArrayList<>();
        Where.scope(where, parameters, "d.organisation", scope);
        parameters.add(limit);
        Jdbc.inTransaction(dataSource, connection -> {
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(
                    "select " + COLUMNS + FROM + where + " order by d.decided_at desc, d.seq desc limit ?")) {
                Jdbc.bind(statement, parameters);
                statement.setFetchSize(batch);
                List<StoredDecision> decisions = new ArrayList<>(batch);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        decisions.add(row(rows, masterKeys));
                        if (decisions.size() == batch) {
                            each.accept(List.copyOf(decisions));
                            decisions.clear();
                        }
                    }
                }
                if (!decisions.isEmpty()) {
                    each.accept(List.copyOf(decisions));
                }
                return null;
            }
        });
    }

    /**
     * How often each rule fired, and in how many decisions, among decisions made in [from, to) (whole days in
     * Asia/Tehran): from the counts kept apart from the decisions ({@link RuleFiringCounts}), so an erased subject's
     * decisions still count.
     */
    public Map<String, long[]> firings(OffsetDateTime from, OffsetDateTime to, Caller.Scope scope) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> parameters = new ArrayList<>();
        Where.scope(where, parameters, "c.organisation", scope);
        Where.condition(where, parameters, "c.day >= ?", from == null ? null : IranTime.dateOf(from.toInstant()));
        Where.condition(where, parameters, "c.day < ?", to == null ? null : IranTime.dateOf(to.toInstant()));
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select t.term, sum(c.firings),"
                    + " sum(c.decisions) from rule_firing_count c join search_term t on t.id = c.rule_id" + where
                    + " group by 1")) {
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
            try (PreparedStatement statement = connection.prepareStatement("select " + CHAINED
                    + " from decision d left join erasure x on x.id = d.erasure_id order by d.seq")) {
                statement.setFetchSize(1000);
                try (ResultSet rows = statement.executeQuery()) {
                    return walk.over(() -> rows.next() ? row(rows, masterKeys, false) : null);
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

    /** One record as read, its input and answer opened where its key lives. */
    static StoredDecision row(ResultSet rows, MasterKeys masterKeys) throws SQLException {
        return row(rows, masterKeys, true);
    }

    /**
     * One record as read; without {@code opened}, of {@link #CHAINED} columns only, which opens nothing (the chain
     * covers what is stored, so verifying needs no data key) but the fired rules an erasure sealed apart.
     */
    static StoredDecision row(ResultSet rows, MasterKeys masterKeys, boolean opened) throws SQLException {
        UUID id = rows.getObject("id", UUID.class);
        UUID keyId = rows.getObject("key_id", UUID.class);
        byte[] sealedInput = rows.getBytes("sealed_input");
        byte[] sealedResponse = rows.getBytes("sealed_response");
        String input = rows.getString("input");
        String response = rows.getString("response");
        String inputDigest = SealedRows.digest(sealedInput, input, rows.getString("input_sha256"));
        String responseDigest = SealedRows.digest(sealedResponse, response, rows.getString("response_sha256"));
        Erased erased = null;
        if (opened) {
            erased = SealedRows.erased(rows);
            if (keyId != null && erased == null) {
                DataKey key = SealedRows.key(rows, masterKeys);
                input = SealedRows.open(key, sealedInput, about(id, "input"));
                response = SealedRows.open(key, sealedResponse, about(id, "response"));
            }
        }
        Array fired = rows.getArray("fired_rules");
        List<String> firedRules = fired == null ? List.of() : List.of((String[]) fired.getArray());
        byte[] erasedFiredRules = rows.getBytes("erased_fired_rules");
        if (erasedFiredRules != null && !opened) {
            firedRules = ErasedFiredRules.open(rows, masterKeys, erasedFiredRules, id);
        }
        SearchTerms terms = new SearchTerms(firedRules, null);
        return new StoredDecision(
                rows.getLong("seq"),
                new Answered(
                        AskedColumns.read(rows, "decided_at", input), Utf8Json.ofText(response), terms, Tally.NONE),
                rows.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rows.getString("previous_hash"),
                rows.getString("hash"),
                keyId,
                inputDigest,
                responseDigest,
                erased,
                chainForm(rows));
    }

    private static Integer chainForm(ResultSet rows) throws SQLException {
        int form = rows.getInt("chain_form");
        return rows.wasNull() ? null : form;
    }

    /** What a sealed decision's field is sealed as: the ciphertext opens only for this record and field. */
    static String about(UUID decisionId, String field) {
        return "decision " + decisionId + " " + field;
    }

    private List<StoredDecision> select(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            List<StoredDecision> decisions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    decisions.add(row(rows, masterKeys));
                }
            }
            return decisions;
        }
    }
}
