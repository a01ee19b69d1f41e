package ir.hamyar.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import ir.hamyar.db.Jdbc;
import ir.hamyar.json.Json;
import ir.hamyar.json.Sha256;
import ir.hamyar.privacy.DataKey;
import ir.hamyar.privacy.MasterKeys;
import ir.hamyar.query.Page;
import ir.hamyar.query.PageRequest;
import ir.hamyar.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The overrides' own hash chain: appended one at a time, each in its own transaction under the chain's advisory lock
 * (overrides are few, typed by people), acknowledged only once committed; read by decision, searched for auditors,
 * counted per rule, and walked for verification. An override resent under the same idempotency key is answered with
 * the one on record.
 */
@ApplicationScoped
public class OverrideChain {

    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('hamyar_override_chain'))";
    private static final String COLUMNS = "seq, id, decision_id, type, subject, value_from, value_to, rule, reason,"
            + " overridden_by, organisation, overridden_at, idempotency_key, request_sha256, previous_hash, hash";
    private static final String INSERT = "insert into decision_override (seq, id, decision_id, type, subject,"
            + " value_from, value_to, rule, key_id, sealed_reason, overridden_by, organisation, overridden_at,"
            + " idempotency_key, request_sha256, previous_hash, hash, chain_form) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT =
            "select " + prefixed(COLUMNS) + ", o.key_id, o.sealed_reason," + " o.reason_sha256, o.chain_form, "
                    + SealedRows.COLUMNS + " from decision_override o" + SealedRows.joins("o") + " ";
    private static final String SUBJECT = "select organisation, subject_ref from decision where id = ?";

    private final AgroalDataSource dataSource;
    private final MeterRegistry metrics;
    private final MasterKeys masterKeys;

    public OverrideChain(AgroalDataSource dataSource, MeterRegistry metrics, MasterKeys masterKeys) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.masterKeys = masterKeys;
    }

    /** The override on record for this one: itself, newly chained, or the earlier one under the same key. */
    public StoredOverride append(CaseworkerOverride override) {
        StoredOverride stored = Jdbc.inTransaction(dataSource, connection -> {
            DataKey key = SubjectKeys.live(connection, List.of(subjectOf(connection, override)), masterKeys)
                    .values()
                    .iterator()
                    .next();
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.execute();
            }
            if (override.idempotencyKey() != null) {
                Optional<StoredOverride> earlier = earlier(
                        connection, override.overriddenBy(), override.idempotencyKey(), override.requestSha256());
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            ChainHead head = ChainHead.read(connection, ChainHead.OVERRIDES);
            long seq = head.seq() + 1;
            byte[] sealedReason = key.seal(sealedText(override), about(override.id()));
            String reasonDigest = Sha256.hex(sealedReason);
            CaseworkerOverride recorded =
                    override.withRequestSha256(RequestDigests.recorded(key, override.requestSha256()));
            StoredOverride chained = new StoredOverride(
                    seq,
                    recorded,
                    head.hash(),
                    HashChain.link(head.hash(), seq, recorded, reasonDigest, key.id(), HashChain.SEALED_VALUES),
                    key.id(),
                    reasonDigest,
                    null,
                    HashChain.SEALED_VALUES);
            insert(connection, chained, sealedReason);
            return chained;
        });
        if (stored.override().id().equals(override.id())) {
            metrics.counter("hamyar_overrides_total", "type", override.type()).increment();
        }
        return stored;
    }

    /** The override a caller made under an idempotency key, if any. */
    public Optional<StoredOverride> find(String overriddenBy, String idempotencyKey, String requestSha256) {
        return Jdbc.read(dataSource, connection -> earlier(connection, overriddenBy, idempotencyKey, requestSha256));
    }

    /**
     * The override made under the key, its request digest given as the one now sent when its HMAC under the subject's
     * key matches (a resend: the caller compares digests as before); one of an earlier form holds the plain digest.
     */
    private Optional<StoredOverride> earlier(
            Connection connection, String overriddenBy, String idempotencyKey, String requestSha256)
            throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(SELECT + "where o.overridden_by = ? and o.idempotency_key = ?")) {
            Jdbc.bind(select, List.of(overriddenBy, idempotencyKey));
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                StoredOverride stored = row(rows, true);
                DataKey key = SealedRows.key(rows, masterKeys);
                boolean resent =
                        RequestDigests.sameRequest(key, stored.override().requestSha256(), requestSha256);
                return Optional.of(
                        resent
                                ? new StoredOverride(
                                        stored.seq(),
                                        stored.override().withRequestSha256(requestSha256),
                                        stored.previousHash(),
                                        stored.hash(),
                                        stored.keyId(),
                                        stored.reasonDigest(),
                                        stored.erased(),
                                        stored.chainForm())
                                : stored);
            }
        }
    }

    /** The overrides of one decision, in the order they were made. */
    public List<StoredOverride> of(UUID decisionId) {
        return Jdbc.read(
                dataSource,
                connection -> select(connection, "where o.decision_id = ? order by o.seq", List.of(decisionId)));
    }

    /** The overrides of each of these decisions, in the order they were made. */
    public Map<UUID, List<StoredOverride>> of(Collection<UUID> decisionIds) {
        Map<UUID, List<StoredOverride>> byDecision = new HashMap<>();
        if (decisionIds.isEmpty()) {
            return byDecision;
        }
        List<StoredOverride> found = Jdbc.read(
                dataSource,
                connection -> select(
                        connection,
                        "where o.decision_id = any(?) order by o.seq",
                        List.of(connection.createArrayOf("uuid", decisionIds.toArray()))));
        found.forEach(stored -> byDecision
                .computeIfAbsent(stored.override().decisionId(), id -> new ArrayList<>())
                .add(stored));
        return byDecision;
    }

    /** One page of overrides, newest first, filtered by rule, type, organisation and time. */
    public Page<StoredOverride> find(Query query, PageRequest page) {
        StringBuilder where = new StringBuilder("where true");
        List<Object> parameters = new ArrayList<>();
        scope(where, parameters, query.scope());
        Where.condition(where, parameters, "o.rule = ?", query.rule());
        Where.condition(where, parameters, "o.type = ?", query.type());
        Where.condition(where, parameters, "o.organisation = ?", query.organisation());
        Where.condition(where, parameters, "o.overridden_at >= ?", query.from());
        Where.condition(where, parameters, "o.overridden_at < ?", query.to());
        where.append(" order by o.overridden_at desc, o.seq desc limit ? offset ?");
        parameters.add(page.size() + 1);
        parameters.add(page.offset());
        return Page.ofOneMore(
                Jdbc.read(dataSource, connection -> select(connection, where.toString(), parameters)), page);
    }

    /** How many overrides each rule's conclusions received in [from, to). */
    public Map<String, Long> countsByRule(OffsetDateTime from, OffsetDateTime to, Caller.Scope scope) {
        StringBuilder where = new StringBuilder(" where o.rule is not null");
        List<Object> parameters = new ArrayList<>();
        scope(where, parameters, scope);
        Where.condition(where, parameters, "o.overridden_at >= ?", from);
        Where.condition(where, parameters, "o.overridden_at < ?", to);
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select o.rule, count(*) from decision_override o" + where + " group by o.rule")) {
                Jdbc.bind(statement, parameters);
                Map<String, Long> counts = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
                return counts;
            }
        });
    }

    /** Every override in chain order (for verification). */
    List<StoredOverride> all() {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT + "order by o.seq")) {
                List<StoredOverride> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(row(rows, false));
                    }
                }
                return found;
            }
        });
    }

    /** What auditors may filter overrides by; null is "any". */
    public record Query(
            String rule,
            String type,
            String organisation,
            OffsetDateTime from,
            OffsetDateTime to,
            Caller.Scope scope) {}

    /** Overrides of the decisions a scope sees: the decision's organisation bounds them, not the overrider's. */
    private static void scope(StringBuilder where, List<Object> parameters, Caller.Scope scope) {
        if (scope.every()) {
            return;
        }
        StringBuilder decisions = new StringBuilder(" where d.id = o.decision_id");
        Where.scope(decisions, parameters, "d.organisation", scope);
        where.append(" and exists (select 1 from decision d").append(decisions).append(')');
    }

    private static Subject subjectOf(Connection connection, CaseworkerOverride override) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SUBJECT)) {
            select.setObject(1, override.decisionId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no decision " + override.decisionId() + " to override");
                }
                return Subject.of(row);
            }
        }
    }

    private static String about(UUID overrideId) {
        return "override " + overrideId + " reason";
    }

    private static String prefixed(String columns) {
        return "o." + columns.replace(", ", ", o.");
    }

    private static void insert(Connection connection, StoredOverride stored, byte[] sealedReason) throws SQLException {
        CaseworkerOverride override = stored.override();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, stored.seq());
            insert.setObject(2, override.id());
            insert.setObject(3, override.decisionId());
            insert.setString(4, override.type());
            insert.setString(5, override.subject());
            insert.setString(6, override.from());
            insert.setString(7, override.to());
            insert.setString(8, override.rule());
            insert.setObject(9, stored.keyId());
            insert.setBytes(10, sealedReason);
            insert.setString(11, override.overriddenBy());
            insert.setString(12, override.organisation());
            insert.setTimestamp(13, Timestamp.from(override.overriddenAt()));
            insert.setString(14, override.idempotencyKey());
            insert.setString(15, override.requestSha256());
            insert.setString(16, stored.previousHash());
            insert.setString(17, stored.hash());
            insert.setObject(18, stored.chainForm(), java.sql.Types.SMALLINT);
            insert.executeUpdate();
        }
    }

    private List<StoredOverride> select(Connection connection, String clauses, List<?> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + clauses)) {
            Jdbc.bind(statement, parameters);
            List<StoredOverride> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(row(rows, true));
                }
            }
            return found;
        }
    }

    /**
     * An override as read: a sealed reason opened (unless {@code open} is false: verifying opens nothing), a plain
     * one as stored, an erased one null with its erasure.
     */
    private StoredOverride row(ResultSet rows, boolean open) throws SQLException {
        UUID id = rows.getObject("id", UUID.class);
        UUID keyId = rows.getObject("key_id", UUID.class);
        byte[] sealedReason = rows.getBytes("sealed_reason");
        String reason = rows.getString("reason");
        String reasonDigest = SealedRows.digest(sealedReason, reason, rows.getString("reason_sha256"));
        Erased erased = SealedRows.erased(rows);
        Integer form = chainForm(rows);
        if (keyId != null && erased == null && open) {
            reason = SealedRows.open(SealedRows.key(rows, masterKeys), sealedReason, about(id));
            if (Integer.valueOf(HashChain.SEALED_VALUES).equals(form)) {
                reason = Json.readOwn(reason).path("reason").asText();
            }
        }
        return new StoredOverride(
                rows.getLong("seq"),
                new CaseworkerOverride(
                        id,
                        rows.getObject("decision_id", UUID.class),
                        rows.getString("type"),
                        rows.getString("subject"),
                        rows.getString("value_from"),
                        rows.getString("value_to"),
                        rows.getString("rule"),
                        reason,
                        rows.getString("overridden_by"),
                        rows.getString("organisation"),
                        rows.getObject("overridden_at", OffsetDateTime.class).toInstant(),
                        rows.getString("idempotency_key"),
                        rows.getString("request_sha256")),
                rows.getString("previous_hash"),
                rows.getString("hash"),
                keyId,
                reasonDigest,
                erased,
                form);
    }

    /**
     * What an override of form 4 seals: the conclusion it changed, from and to which value, the rule and the reason
     * (the chain covers this ciphertext, so an erasure may wipe the clear copies the audit search reads).
     */
    private static String sealedText(CaseworkerOverride override) {
        ObjectNode sealed = Json.MAPPER.createObjectNode();
        sealed.put("type", override.type())
                .put("subject", override.subject())
                .put("from", override.from())
                .put("to", override.to())
                .put("rule", override.rule())
                .put("reason", override.reason());
        return Json.write(sealed);
    }

    private static Integer chainForm(ResultSet rows) throws SQLException {
        int form = rows.getInt("chain_form");
        return rows.wasNull() ? null : form;
    }

    private static Optional<StoredOverride> first(List<StoredOverride> found) {
        return found.stream().findFirst();
    }
}
