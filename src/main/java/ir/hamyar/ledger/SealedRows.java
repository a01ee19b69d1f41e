package ir.hamyar.ledger;

import ir.hamyar.json.Sha256;
import ir.hamyar.privacy.DataKey;
import ir.hamyar.privacy.MasterKeys;
import ir.hamyar.privacy.Sealed;
import ir.hamyar.problem.DomainException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What every read of a sealed table (decision, evaluation_failure, decision_override) joins and reads beside a row:
 * the wrapped data key its {@code key_id} names and the erasure its {@code erasure_id} names; the erasure, the data
 * key unwrapped once per row, each sealed field opened, and the digest the chain covers of a field.
 */
final class SealedRows {

    /** The joined columns, after the row's own. */
    static final String COLUMNS = "k.wrapped, k.master_key, x.erased_at, x.erased_by, x.reason as erasure_reason";

    private SealedRows() {}

    /** The joins for a table read under {@code alias}. */
    static String joins(String alias) {
        return " left join subject_key k on k.id = " + alias + ".key_id left join erasure x on x.id = " + alias
                + ".erasure_id";
    }

    /** The row's erasure, or null. */
    static Erased erased(ResultSet row) throws SQLException {
        OffsetDateTime at = row.getObject("erased_at", OffsetDateTime.class);
        return at == null
                ? null
                : new Erased(at.toInstant(), row.getString("erased_by"), row.getString("erasure_reason"));
    }

    /** The row's data key unwrapped, or null: a plain row, or one whose key an erasure wiped. */
    static DataKey key(ResultSet row, MasterKeys masterKeys) throws SQLException {
        UUID keyId = row.getObject("key_id", UUID.class);
        byte[] wrapped = row.getBytes("wrapped");
        return keyId == null || wrapped == null ? null : masterKeys.unwrap(keyId, row.getString("master_key"), wrapped);
    }

    /**
     * A sealed field opened (null without a key); a ciphertext that does not open was altered, which is a conflict
     * with the record, not a failure of the service.
     */
    static String open(DataKey key, byte[] sealed, String about) {
        if (key == null || sealed == null) {
            return null;
        }
        try {
            return key.open(sealed, about);
        } catch (Sealed.SealBroken e) {
            throw new DomainException.Conflict(
                    "record-altered", "Record altered", e.getMessage() + "; GET /api/v1/audit/verify locates it");
        }
    }

    /** The sha256 of what is stored of a field: its ciphertext, its text, or the digest an erasure left of it. */
    static String digest(byte[] sealed, String text, String kept) {
        if (sealed != null) {
            return Sha256.hex(sealed);
        }
        return text != null ? Sha256.hex(text.getBytes(StandardCharsets.UTF_8)) : kept;
    }
}
