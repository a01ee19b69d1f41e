package ir.hamyar.ledger;

import io.agroal.api.AgroalDataSource;
import ir.hamyar.db.Jdbc;
import ir.hamyar.privacy.DataKey;
import ir.hamyar.privacy.MasterKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Forgets a subject — a ref within an organisation — in one transaction: takes the advisory locks of all the chain's
 * lanes (so no decision writer seals anything under a key being wiped) and her live data keys {@code FOR UPDATE}
 * (waiting for the other writers sealing under them, and holding new ones back), records the erasure, wipes the
 * wrapped keys (and with them her reports' pseudonym and the HMACs of her requests), marks her decisions, failed
 * evaluations and the overrides of her decisions as erased, wiping their conclusions' and fired rules' search terms
 * and replacing what plain records made before sealing hold by its sha256. Every hash stays as it was: the chains
 * cover ciphertext or digests, which remain; a decision whose chain link covers its fired rules by name keeps them
 * sealed under a key of the erasure's own ({@link ErasedFiredRules}). A key shared by two organisations' records
 * (made before subjects were per organisation) is left: her records under it are marked erased only.
 */
@ApplicationScoped
public class Erasures {

    /** An override of form 4 holds what it changed sealed too: its clear copies go with the reason. */
    private static final String SEALED_VALUES_WIPED = String.join(
            ", ",
            Stream.of("type", "subject", "value_from", "value_to", "rule")
                    .map(column -> column + " = case when o.chain_form = " + HashChain.SEALED_VALUES
                            + " then null else o." + column + " end")
                    .toList());

    private static final String SUBJECT = " subject_ref = ? and coalesce(organisation, '') = coalesce(?, '')";
    private static final String LOCK_KEYS =
            "select id from subject_key where" + SUBJECT + " and wrapped is not null and not shared for update";
    private static final String COUNT = "select count(*) from decision where" + SUBJECT + " and erasure_id is null";
    private static final String NAMED_RULES = "select d.id, array(select t.term from unnest(d.fired_rule_ids) with"
            + " ordinality f (id, n) join search_term t on t.id = f.id order by f.n) from decision d where"
            + SUBJECT.replace(" subject_ref", " d.subject_ref").replace("(organisation", "(d.organisation")
            + " and d.erasure_id is null and d.key_id is not null and d.chain_form is null"
            + " and d.fired_rule_ids is not null";
    private static final String RECORD = "insert into erasure (subject_ref, organisation, erased_at, erased_by, reason,"
            + " decisions, rules_key_id, rules_key_wrapped, rules_key_master) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " returning id";
    private static final String WIPE_KEYS = "update subject_key set wrapped = null, erasure_id = ? where" + SUBJECT
            + " and wrapped is not null and not shared";
    private static final String FORGET = " erasure_id = ?, concluded_ids = null, fired_rule_ids = null,"
            + " input_sha256 = coalesce(encode(sha256(convert_to(input, 'UTF8')), 'hex'), input_sha256),"
            + " response_sha256 = coalesce(encode(sha256(convert_to(response::text, 'UTF8')), 'hex'), response_sha256),"
            + " input = null, response = null";
    private static final String NAMED_DECISION =
            "update decision set erased_fired_rules = ?," + FORGET + " where id = ?";
    private static final String DECISIONS =
            "update decision set" + FORGET + " where" + SUBJECT + " and erasure_id is null";
    private static final String FAILURES =
            "update evaluation_failure set erasure_id = ?, input = null where" + SUBJECT + " and erasure_id is null";
    private static final String OVERRIDES = "update decision_override o set erasure_id = ?,"
            + " reason_sha256 = coalesce(encode(sha256(convert_to(reason, 'UTF8')), 'hex'), reason_sha256),"
            + " reason = null, " + SEALED_VALUES_WIPED
            + " from decision d where d.id = o.decision_id and d.subject_ref = ?"
            + " and coalesce(d.organisation, '') = coalesce(?, '') and o.erasure_id is null";

    private final AgroalDataSource dataSource;
    private final MasterKeys masterKeys;

    public Erasures(AgroalDataSource dataSource, MasterKeys masterKeys) {
        this.dataSource = dataSource;
        this.masterKeys = masterKeys;
    }

    /** The organisations (null: none) that have a record, not yet erased, of this ref. */
    public List<String> organisationsOf(String subjectRef) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("select organisation from decision"
                    + " where subject_ref = ? and erasure_id is null union select organisation from evaluation_failure"
                    + " where subject_ref = ? and erasure_id is null")) {
                select.setString(1, subjectRef);
                select.setString(2, subjectRef);
                List<String> organisations = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        organisations.add(rows.getString(1));
                    }
                }
                return organisations;
            }
        });
    }

    /** Erases the subject; answers how many decisions were erased now (none more than once). */
    public Erasure erase(String organisation, String subjectRef, String by, String reason, Instant at) {
        return Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement lock = connection.prepareStatement(Lanes.LOCK_ALL)) {
                lock.execute();
            }
            try (PreparedStatement lockKeys = connection.prepareStatement(LOCK_KEYS)) {
                bindSubject(lockKeys, 1, organisation, subjectRef);
                lockKeys.executeQuery().close();
            }
            int decisions = count(connection, organisation, subjectRef);
            List<Named> named = named(connection, organisation, subjectRef);
            MasterKeys.NewKey rulesKey = named.isEmpty() ? null : masterKeys.newDataKey();
            long id;
            try (PreparedStatement record = connection.prepareStatement(RECORD)) {
                record.setString(1, subjectRef);
                record.setString(2, organisation);
                record.setTimestamp(3, Timestamp.from(at));
                record.setString(4, by);
                record.setString(5, reason);
                record.setInt(6, decisions);
                record.setObject(7, rulesKey == null ? null : rulesKey.key().id());
                record.setBytes(8, rulesKey == null ? null : rulesKey.wrapped());
                record.setString(9, rulesKey == null ? null : rulesKey.masterId());
                try (ResultSet row = record.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            if (rulesKey != null) {
                sealNamedRules(connection, id, named, rulesKey.key());
            }
            for (String sql : List.of(WIPE_KEYS, DECISIONS, FAILURES, OVERRIDES)) {
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    update.setLong(1, id);
                    bindSubject(update, 2, organisation, subjectRef);
                    update.executeUpdate();
                }
            }
            return new Erasure(subjectRef, organisation, decisions, at);
        });
    }

    private static void bindSubject(PreparedStatement statement, int from, String organisation, String subjectRef)
            throws SQLException {
        statement.setString(from, subjectRef);
        statement.setString(from + 1, organisation);
    }

    private static int count(Connection connection, String organisation, String subjectRef) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(COUNT)) {
            bindSubject(count, 1, organisation, subjectRef);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Her decisions whose chain links cover their fired rules by name, with those names. */
    private static List<Named> named(Connection connection, String organisation, String subjectRef)
            throws SQLException {
        List<Named> named = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(NAMED_RULES)) {
            bindSubject(select, 1, organisation, subjectRef);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    named.add(new Named(rows.getObject(1, UUID.class), List.of((String[])
                            rows.getArray(2).getArray())));
                }
            }
        }
        return named;
    }

    private static void sealNamedRules(Connection connection, long erasure, List<Named> named, DataKey rulesKey)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(NAMED_DECISION)) {
            for (Named decision : named) {
                update.setBytes(1, ErasedFiredRules.seal(rulesKey, decision.firedRules(), decision.id()));
                update.setLong(2, erasure);
                update.setObject(3, decision.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private record Named(UUID id, List<String> firedRules) {}

    /** What an erasure answers: whose (a ref within an organisation), how many of her decisions it erased, when. */
    public record Erasure(String subjectRef, String organisation, int decisions, Instant erasedAt) {}
}
