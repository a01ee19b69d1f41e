package ir.hamyar.db;

import java.sql.SQLException;

/** The database refused or could not do some work; the SQLState says why, the message is not for clients. */
public class StorageException extends RuntimeException {

    public StorageException(SQLException cause) {
        super("database work failed, SQLState " + cause.getSQLState(), cause);
    }

    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
