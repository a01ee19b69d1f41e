package ir.hamyar.ruleset;

import com.fasterxml.jackson.annotation.JsonValue;
import ir.hamyar.privacy.MasterKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A version is what was approved: each stored version is sealed with an HMAC, under a key derived from the master
 * key with HKDF for this purpose alone, over what makes it that version — its number, tree hash, status and author,
 * its files (path and sha256) and every lifecycle event (created, approved, activated, rolled back: id, action,
 * actor). The seal is made again in the transaction of every lifecycle change; a version whose seal does not verify
 * was changed behind the service's back (its files, its approvals, its status) and is never compiled or activated.
 */
@ApplicationScoped
public class VersionSeals {

    static final String LABEL = "hamyar ruleset version seal v1";

    /** What is sealed, read in SQL so that a seal is computed from exactly the rows as stored. */
    static final String SEALED_TEXT = "'hamyar ruleset version' || E'\\n' || v.version || E'\\n' || v.sha256 || E'\\n'"
            + " || v.status || E'\\n' || v.created_by || E'\\nfiles\\n'"
            + " || coalesce((select string_agg(f.sha256 || '  ' || f.path || E'\\n', '' order by f.path collate \"C\")"
            + " from ruleset_file f where f.version = v.version), '') || E'events\\n'"
            + " || coalesce((select string_agg(e.id || ' ' || e.action || ' ' || e.actor || ' '"
            + " || coalesce(e.previous_version::text, '-') || E'\\n', '' order by e.id)"
            + " from ruleset_event e where e.version = v.version), '')";

    private final MasterKeys keys;

    public VersionSeals(MasterKeys keys) {
        this.keys = keys;
    }

    /** Seals {@code version} again, as its rows stand in {@code connection}'s transaction. */
    void reseal(Connection connection, int version) throws SQLException {
        String text;
        try (PreparedStatement read =
                connection.prepareStatement("select " + SEALED_TEXT + " from ruleset_version v where v.version = ?")) {
            read.setInt(1, version);
            try (ResultSet result = read.executeQuery()) {
                if (!result.next()) {
                    return;
                }
                text = result.getString(1);
            }
        }
        seal(connection, version, text);
    }

    /**
     * After a master key rotation, seals again under the current key every version whose seal verifies under a
     * previous one: the text that verified is what is sealed, so a change made meanwhile leaves the version broken
     * rather than sealed. A version that does not verify stays broken. Answers how many were sealed again.
     */
    int resealUnderCurrentKey(Connection connection) throws SQLException {
        int sealed = 0;
        try (PreparedStatement select = connection.prepareStatement("select v.version, " + SEALED_TEXT
                + ", v.mac, v.mac_key from ruleset_version v where v.mac_key <> ? order by v.version")) {
            select.setString(1, keys.currentId());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    String text = result.getString(2);
                    if (verify(text, result.getBytes(3), result.getString(4)) == Integrity.VERIFIED) {
                        seal(connection, result.getInt(1), text);
                        sealed++;
                    }
                }
            }
        }
        return sealed;
    }

    private void seal(Connection connection, int version, String text) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("update ruleset_version set mac = ?, mac_key = ? where version = ?")) {
            update.setBytes(1, keys.derivedMac(LABEL, text.getBytes(StandardCharsets.UTF_8)));
            update.setString(2, keys.currentId());
            update.setInt(3, version);
            update.executeUpdate();
        }
    }

    /** Whether a version's sealed text carries its seal, under the master key that made it. */
    Integrity verify(String sealedText, byte[] mac, String macKey) {
        if (sealedText == null || mac == null || macKey == null) {
            return Integrity.BROKEN;
        }
        return keys.derivedMacMatches(LABEL, macKey, sealedText.getBytes(StandardCharsets.UTF_8), mac)
                ? Integrity.VERIFIED
                : Integrity.BROKEN;
    }

    /** Whether a stored version is what the service sealed. */
    public enum Integrity {
        VERIFIED,
        BROKEN;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
