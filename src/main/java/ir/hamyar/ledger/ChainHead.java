package ir.hamyar.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The last record of a hash chain (or of a lane of the decision chain): its place and hash; before the first record,
 * the place before the first and the genesis hash.
 */
record ChainHead(long seq, String hash) {

    static final String OVERRIDES = "select seq, hash from decision_override order by seq desc limit 1";
    static final ChainHead EMPTY = new ChainHead(0, HashChain.GENESIS);

    static ChainHead read(Connection connection, String query) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement(query);
                ResultSet result = head.executeQuery()) {
            return from(result);
        }
    }

    /**
     * The head a query of (seq, hash) answered: its row (a lane without records answers the seq before its first and
     * no hash), or {@link #EMPTY} when it has none.
     */
    static ChainHead from(ResultSet result) throws SQLException {
        if (!result.next()) {
            return EMPTY;
        }
        String hash = result.getString(2);
        return new ChainHead(result.getLong(1), hash == null ? HashChain.GENESIS : hash);
    }

    boolean isEmpty() {
        return seq == 0;
    }
}
