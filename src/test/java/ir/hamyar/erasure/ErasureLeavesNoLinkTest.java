package ir.hamyar.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.hamyar.json.Json;
import ir.hamyar.json.Sha256;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.OwnDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After an erasure, as a reader of the whole database would look (the superuser): every column of every table is
 * searched for her ref and her decisions' ids, and only the columns that say a record existed may hold them — beside
 * nothing that tells what she said or was decided. Failed before the change: her fired rules stayed beside her ref,
 * her request hash was the plain sha256 of her profile, and the reports' table joined back to her decisions by seq.
 */
@QuarkusTest
class ErasureLeavesNoLinkTest {

    /** Where a ref or a decision id may stay: that a record of her existed, who looked at it, that it was erased. */
    private static final Set<String> SAYS_A_RECORD_EXISTED = Set.of(
            "decision.id",
            "decision.subject_ref",
            "decision_override.decision_id",
            "audit_read.decision_id",
            "erasure.subject_ref",
            "subject_key.subject_ref");

    @Test
    void nothingTheServiceKeepsJoinsAnErasedSubjectToWhatSheSaidOrWasDecided() throws SQLException {
        ObjectNode profile = Fixtures.tieredFamily(2);
        String ref = profile.path("familyRef").asText();
        String first = Api.asIntake()
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(profile.toString())
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        String second = Api.decide("intake", Fixtures.tieredFamily(3).put("familyRef", ref))
                .getString("decisionId");
        Api.as("auditor").get("/api/v1/audit/decisions/" + first).then().statusCode(200);
        JsonPath tier = new JsonPath(Api.asIntake()
                        .get("/api/v1/decisions/" + second)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .setRootPath("conclusions.find { it.type == 'TIER' }");
        ObjectNode override = Json.MAPPER
                .createObjectNode()
                .put("type", "TIER")
                .put("value", "STABLE".equals(tier.getString("value")) ? "AT_RISK" : "STABLE")
                .put("reason", "the caseworker visited the family at home");
        if (tier.getString("subject") != null) {
            override.put("subject", tier.getString("subject"));
        }
        Api.asIntake()
                .body(override.toString())
                .post("/api/v1/decisions/" + second + "/overrides")
                .then()
                .statusCode(201);
        Api.as("admin")
                .body("{\"reason\":\"she asked to be forgotten (request 1405/09/16)\"}")
                .post("/api/v1/subjects/" + ref + "/erasure")
                .then()
                .statusCode(200);

        try (Connection database = DriverManager.getConnection(OwnDatabases.SERVER + "hamyar_test", "postgres", null)) {
            Set<String> holding = new TreeSet<>();
            for (String[] column : columns(database)) {
                for (String needle : List.of(ref, first, second)) {
                    if (holds(database, column, needle)) {
                        holding.add(column[0] + "." + column[1]);
                    }
                }
            }
            assertThat(holding).as("columns holding her ref or decision ids").isSubsetOf(SAYS_A_RECORD_EXISTED);

            assertThat(count(
                            database,
                            "select count(*) from decision where subject_ref = ? and (input is not null or response"
                                    + " is not null or concluded_ids is not null or fired_rule_ids is not null"
                                    + " or erased_fired_rules is not null or erasure_id is null)",
                            ref))
                    .as("her decisions keep no answer, conclusion or fired rule, in clear or as search terms")
                    .isZero();
            assertThat(count(
                            database,
                            "select count(*) from decision_override where decision_id = ?::uuid and (type is not null"
                                    + " or subject is not null or value_from is not null or value_to is not null"
                                    + " or rule is not null or reason is not null)",
                            second))
                    .as("the override of her decision keeps no conclusion, value, rule or reason in clear")
                    .isZero();
            assertThat(count(
                            database,
                            "select count(*) from subject_key where subject_ref = ? and wrapped is not null",
                            ref))
                    .as("her data key, and with it the HMACs and her reports' pseudonym, is gone")
                    .isZero();
            String plainDigest = Sha256.hex(("family\n" + Json.canonical(profile)).getBytes(StandardCharsets.UTF_8));
            assertThat(count(
                            database,
                            "select count(*) from (select request_sha256 from decision union all"
                                    + " select request_sha256 from evaluation_failure) r where request_sha256 = ?",
                            plainDigest))
                    .as("no stored digest confirms a guessed profile")
                    .isZero();
            assertThat(columnNames(database, "report_outcome"))
                    .as("the reports' rows hold no seq, id, ref or instant to join a decision by")
                    .containsExactlyInAnyOrder(
                            "organisation",
                            "family",
                            "month",
                            "n",
                            "tier",
                            "safe_house",
                            "stay",
                            "sons_not_allowed",
                            "home_visit_month");
            assertThat(columnNames(database, "rule_firing_count"))
                    .containsExactlyInAnyOrder("day", "organisation", "rule_id", "lane", "firings", "decisions");
        }
        Api.as("auditor")
                .get("/api/v1/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    /** Every column of the service's tables that can hold text, an id or bytes: (table, column, type). */
    private static List<String[]> columns(Connection database) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement select = database.prepareStatement("select c.table_name, c.column_name, c.data_type"
                        + " from information_schema.columns c join information_schema.tables t"
                        + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                        + " where c.table_schema = 'public' and t.table_type = 'BASE TABLE'"
                        + " and c.data_type in ('text', 'character varying', 'character', 'uuid', 'json', 'jsonb',"
                        + " 'bytea', 'ARRAY')");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        return columns;
    }

    private static boolean holds(Connection database, String[] column, String needle) throws SQLException {
        String condition = column[2].equals("bytea")
                ? "position(convert_to(?, 'UTF8') in \"" + column[1] + "\") > 0"
                : "strpos(\"" + column[1] + "\"::text, ?) > 0";
        return count(database, "select count(*) from \"" + column[0] + "\" where " + condition, needle) > 0;
    }

    private static List<String> columnNames(Connection database, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = database.prepareStatement(
                "select column_name from information_schema.columns where table_schema = 'public' and table_name = ?")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static int count(Connection database, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = database.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
