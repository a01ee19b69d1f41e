package ir.hamyar.db;

import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jboss.logging.Logger;

/**
 * Makes the database ready before anything else starts. Two roles: the owner, which owns the schema and alone runs
 * the Flyway migrations, and the service role the application connects as, which may only SELECT and INSERT the audit
 * tables (migration V4 grants exactly that). With {@code hamyar.database.create-if-missing} the roles and the
 * database are created when missing (so one command runs the service on a fresh machine), and objects an earlier
 * version created as another user are handed to the owner. The owner's password is used for that and nothing else:
 * read once at start (from {@code hamyar.database.owner-password-file}, or the configured
 * {@code quarkus.datasource.owner.password}), it opens the migration's own connections, which are closed before the
 * service serves anyone; no pool of the owner's stays open.
 */
@ApplicationScoped
public class DatabaseBootstrap {

    public static final int PRIORITY = 10;
    public static final String OWNER_DATASOURCE = "owner";
    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?");
    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DatabaseConfig config;
    private final Flyway flyway;
    private final String url;
    private final String owner;
    private final String service;
    private final Optional<String> configuredOwnerPassword;
    private final Optional<String> servicePassword;
    private final int approvalsRequired;
    private final JavaMigration[] javaMigrations;

    public DatabaseBootstrap(
            DatabaseConfig config,
            @FlywayDataSource(OWNER_DATASOURCE) Flyway flyway,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.owner.username") String owner,
            @ConfigProperty(name = "quarkus.datasource.owner.password") Optional<String> ownerPassword,
            @ConfigProperty(name = "quarkus.datasource.username") String service,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> servicePassword,
            @ConfigProperty(name = "hamyar.rules.approvals-required", defaultValue = "1") int approvalsRequired,
            Instance<JavaMigration> javaMigrations) {
        this.config = config;
        this.flyway = flyway;
        this.url = url;
        this.owner = owner;
        this.service = service;
        this.configuredOwnerPassword = ownerPassword;
        this.servicePassword = servicePassword;
        this.approvalsRequired = approvalsRequired;
        this.javaMigrations = javaMigrations.stream().toArray(JavaMigration[]::new);
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) throws SQLException {
        Optional<String> ownerPassword = ownerPassword();
        if (config.createIfMissing()) {
            prepare(ownerPassword);
        }
        Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration())
                .dataSource(url, owner, ownerPassword.orElse(null))
                .javaMigrations(javaMigrations)
                .load()
                .migrate();
        requireApprovals(ownerPassword);
    }

    /** The owner's password, read now and kept by no one: from its file when one is configured. */
    private Optional<String> ownerPassword() {
        if (config.ownerPasswordFile().isEmpty()) {
            return configuredOwnerPassword;
        }
        Path file = config.ownerPasswordFile().get();
        try {
            String password = Files.readString(file).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException("hamyar.database.owner-password-file " + file + " is empty");
            }
            return Optional.of(password);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "hamyar.database.owner-password-file " + file + " cannot be read: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    /**
     * The owner tells the database how many approvals a draft needs before it may be activated (migration V14), so
     * that the service's own role, which cannot change this, cannot activate a draft without them either.
     */
    private void requireApprovals(Optional<String> ownerPassword) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, owner, ownerPassword.orElse(null));
                PreparedStatement update =
                        connection.prepareStatement("update ruleset_policy set approvals_required = ?")) {
            update.setInt(1, approvalsRequired);
            update.executeUpdate();
        }
    }

    private void prepare(Optional<String> ownerPassword) throws SQLException {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()
                || !ROLE.matcher(owner).matches()
                || !ROLE.matcher(service).matches()) {
            LOG.warnf("Cannot tell the database or role names from the configuration; not creating them");
            return;
        }
        String database = matcher.group(2);
        String parameters = matcher.group(3) == null ? "" : matcher.group(3);
        try (Connection admin = connect(matcher.group(1) + "postgres" + parameters)) {
            createRole(admin, owner, ownerPassword);
            createRole(admin, service, servicePassword);
            createDatabase(admin, database);
        }
        try (Connection admin = connect(url)) {
            handOverToOwner(admin, database);
        }
    }

    private Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(
                jdbcUrl, config.adminUser(), config.adminPassword().orElse(null));
    }

    private static void createRole(Connection admin, String role, Optional<String> password) throws SQLException {
        if (exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
            return;
        }
        try (Statement create = admin.createStatement()) {
            create.execute("create role " + role + " login");
            if (password.isPresent()) {
                try (PreparedStatement quote = admin.prepareStatement("select quote_literal(?)")) {
                    quote.setString(1, password.get());
                    try (ResultSet literal = quote.executeQuery()) {
                        literal.next();
                        create.execute("alter role " + role + " password " + literal.getString(1));
                    }
                }
            }
            LOG.infof("Created database role %s", role);
        } catch (SQLException e) {
            if (!"42710".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private void createDatabase(Connection admin, String database) throws SQLException {
        if (exists(admin, "select 1 from pg_database where datname = ?", database)) {
            return;
        }
        try (Statement create = admin.createStatement()) {
            create.execute("create database \"" + database + "\" owner " + owner);
            LOG.infof("Created database %s owned by %s", database, owner);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** Databases created before the owner role existed hold objects of another user: the owner takes them over. */
    private void handOverToOwner(Connection admin, String database) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement objects = admin.prepareStatement(
                """
                select format('alter %s %s owner to %I',
                              case c.relkind when 'S' then 'sequence' else 'table' end,
                              c.oid::regclass, ?)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p', 'S')
                  and pg_get_userbyid(c.relowner) <> ?
                  and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i'))
                union all
                select format('alter function %s owner to %I', p.oid::regprocedure, ?)
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> ?""")) {
            objects.setString(1, owner);
            objects.setString(2, owner);
            objects.setString(3, owner);
            objects.setString(4, owner);
            try (ResultSet result = objects.executeQuery()) {
                while (result.next()) {
                    statements.add(result.getString(1));
                }
            }
        }
        try (Statement alter = admin.createStatement()) {
            alter.execute("alter database \"" + database + "\" owner to " + owner);
            for (String statement : statements) {
                alter.execute(statement);
            }
        }
        if (!statements.isEmpty()) {
            LOG.infof("Handed %d object(s) of database %s over to %s", statements.size(), database, owner);
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }
}
