package ir.hamyar.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A database of a test's own (the service creates it at start), for tests whose changes must not reach the shared
 * test database: one name per test JVM, and those earlier runs left behind dropped first.
 */
public final class OwnDatabases {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private OwnDatabases() {}

    /** {@code prefix} followed by this JVM's pid; databases of the same prefix from earlier runs are dropped. */
    public static String named(String prefix) {
        String database = prefix + ProcessHandle.current().pid();
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
                Statement statement = connection.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet result =
                    statement.executeQuery("select datname from pg_database where datname like '" + prefix + "%'")) {
                while (result.next()) {
                    if (!result.getString(1).equals(database)) {
                        stale.add(result.getString(1));
                    }
                }
            }
            for (String old : stale) {
                statement.execute("drop database if exists \"" + old + "\" with (force)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return database;
    }

    /**
     * Runs {@code sql} on the database as the PostgreSQL superuser with triggers off, as an intruder would; answers a
     * select's first column of its first row.
     */
    public static String asSuperuser(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + database, "postgres", null);
                Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            if (statement.execute(sql)) {
                try (ResultSet result = statement.getResultSet()) {
                    result.next();
                    return result.getString(1);
                }
            }
            return null;
        }
    }
}
