package ir.hamyar.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The last record of a hash chain: its place and hash; before the first record, place 0 and the genesis hash. */
record ChainHead(long seq, String hash) {

    static final String DECISIONS = "select seq, hash from decision order by seq desc limit 1";
    static final String OVERRIDES = "select seq, hash from decision_override order by seq desc limit 1";
    static final ChainHead EMPTY = new ChainHead(0, HashChain.GENESIS);

    static ChainHead read(Connection connection, String query) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement(query);
                ResultSet result = head.executeQuery()) {
            return from(result);
        }
    }

    /** The head a query of {@link #DECISIONS}' shape answered: its row, or {@link #EMPTY} when it has none. */
    static ChainHead from(ResultSet result) throws SQLException {
        return result.next() ? new ChainHead(result.getLong(1), result.getString(2)) : EMPTY;
    }

    boolean isEmpty() {
        return seq == 0;
    }
}
