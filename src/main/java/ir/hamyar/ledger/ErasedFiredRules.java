package ir.hamyar.ledger;

import ir.hamyar.privacy.DataKey;
import ir.hamyar.privacy.MasterKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The fired rules of an erased decision whose chain link (a form before {@link HashChain#LENGTH_PREFIXED}) covers their
 * names: sealed under a key of the erasure's own, wrapped under the master key like a data key, so that the chain still
 * verifies while no reader of the database (and no API answer) can tell what fired for her. Only the verifier opens
 * them.
 */
final class ErasedFiredRules {

    private ErasedFiredRules() {}

    static byte[] seal(DataKey rulesKey, List<String> names, UUID decisionId) {
        return rulesKey.seal(String.join("\n", names), about(decisionId));
    }

    /** The names sealed for this decision, opened with the key of the erasure joined to its row. */
    static List<String> open(ResultSet row, MasterKeys masterKeys, byte[] sealed, UUID decisionId) throws SQLException {
        DataKey rulesKey = masterKeys.unwrap(
                row.getObject("rules_key_id", UUID.class),
                row.getString("rules_key_master"),
                row.getBytes("rules_key_wrapped"));
        String names = rulesKey.open(sealed, about(decisionId));
        return names.isEmpty() ? List.of() : List.of(names.split("\n"));
    }

    private static String about(UUID decisionId) {
        return "decision " + decisionId + " fired rules, erased";
    }
}
