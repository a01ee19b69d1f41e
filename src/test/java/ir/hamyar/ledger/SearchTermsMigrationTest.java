package ir.hamyar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hamyar.support.OwnDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V12 numbers the search terms of decisions recorded before it: the same rules in the same order (the chain covers
 * them) and the same conclusions, an erased decision's still wiped.
 */
class SearchTermsMigrationTest {

    private static final String DATABASE = OwnDatabases.named("hamyar_v12_");
    private static final String URL = OwnDatabases.SERVER + DATABASE;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(OwnDatabases.SERVER + "postgres", "postgres", null);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(OwnDatabases.SERVER + "postgres", "postgres", null);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void decisionsRecordedBeforeKeepTheirRulesInOrderAndTheirConclusions() throws SQLException {
        migrate("11");
        try (Connection connection = DriverManager.getConnection(URL, "postgres", null);
                Statement statement = connection.createStatement()) {
            statement.execute("insert into ruleset_version (sha256, source, status, created_by)"
                    + " values (repeat('a', 64), 'test', 'ACTIVE', 'test')");
            statement.execute(decision(
                    1,
                    "array['tiering/Second', 'tiering/First', 'relief/Third']",
                    "array['TIER', 'TIER=HARMED']",
                    "null"));
            statement.execute(decision(2, "array['tiering/First']", "null", "1"));
        }

        migrate("12");

        try (Connection connection = DriverManager.getConnection(URL, "postgres", null);
                Statement statement = connection.createStatement()) {
            assertThat(terms(statement, "select " + SearchTermNumbers.FIRED_RULES + " from decision d where seq = 1"))
                    .containsExactly("tiering/Second", "tiering/First", "relief/Third");
            assertThat(terms(
                            statement,
                            "select array(select t.term from unnest(d.concluded_ids) c (id)"
                                    + " join search_term t on t.id = c.id) from decision d where seq = 1"))
                    .containsExactlyInAnyOrder("TIER", "TIER=HARMED");
            assertThat(terms(statement, "select " + SearchTermNumbers.FIRED_RULES + " from decision d where seq = 2"))
                    .containsExactly("tiering/First");
            try (ResultSet erased = statement.executeQuery("select concluded_ids from decision where seq = 2")) {
                erased.next();
                assertThat(erased.getArray(1)).isNull();
            }
            try (ResultSet count = statement.executeQuery("select count(*) from search_term")) {
                count.next();
                assertThat(count.getInt(1)).isEqualTo(5);
            }
        }
    }

    private static void migrate(String target) {
        var configuration = Flyway.configure()
                .dataSource(URL, "postgres", null)
                .locations("classpath:db/migration")
                .placeholders(Map.of("serviceRole", "postgres"));
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private static String decision(int seq, String firedRules, String concluded, String erasure) {
        return "insert into decision (id, kind, subject_ref, assessed_on, decided_at, recorded_at, caller,"
                + " request_sha256, ruleset_version, ruleset_sha256, input, response, seq, previous_hash, hash,"
                + " fired_rules, concluded, erasure_id) values (gen_random_uuid(), 'family', 'F-" + seq + "',"
                + " '2026-11-20', now(), now(), 'intake', repeat('0', 64),"
                + " (select max(version) from ruleset_version), repeat('a', 64),"
                + (erasure.equals("null") ? " '{}', '{}'," : " null, null,") + " " + seq + ", repeat('0', 64),"
                + " repeat('0', 64), " + firedRules + ", " + concluded + ", " + erasure + ")";
    }

    private static List<String> terms(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return new ArrayList<>(List.of((String[]) row.getArray(1).getArray()));
        }
    }
}
