package ir.hamyar.db;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Makes the database ready before anything else starts: creates it on the PostgreSQL server when missing (so one
 * command runs the service on a fresh machine), then applies the Flyway migrations, the only source of the schema.
 */
@ApplicationScoped
public class DatabaseBootstrap {

    public static final int PRIORITY = 10;
    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?");

    private final DatabaseConfig config;
    private final Flyway flyway;
    private final String url;
    private final String user;
    private final String password;

    public DatabaseBootstrap(
            DatabaseConfig config,
            Flyway flyway,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.flyway = flyway;
        this.url = url;
        this.user = user;
        this.password = password.orElse(null);
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) throws SQLException {
        if (config.createIfMissing()) {
            createDatabaseIfMissing();
        }
        flyway.migrate();
    }

    private void createDatabaseIfMissing() throws SQLException {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            LOG.warnf("Cannot tell the database name from the JDBC URL; not creating it");
            return;
        }
        String database = matcher.group(2);
        String maintenanceUrl = matcher.group(1) + "postgres" + (matcher.group(3) == null ? "" : matcher.group(3));
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, user, password);
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database + "\"");
                LOG.infof("Created database %s", database);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }
}
