package ir.hamyar.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.Rulesets;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an auditor can find, read, replay and verify about any decision, through REST and the real database. */
@QuarkusTest
class AuditTrailTest {

    private static final String HEX64 = "[0-9a-f]{64}";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @DataSource("owner")
    AgroalDataSource owner;

    @AfterEach
    void restore() {
        Rulesets.restoreShipped();
    }

    @Test
    void theFullRecordShowsInputRulesWithReasonsAndParameterValuesAndItsPlaceInTheChain() throws SQLException {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        String id = decide("family", family.toString());

        Api.as("auditor")
                .get("/api/v1/audit/decisions/" + id)
                .then()
                .statusCode(200)
                .body("decisionId", equalTo(id))
                .body("input", equalTo(family.toString()))
                .body("caller", equalTo("intake"))
                .body("ruleset.version", equalTo(Rulesets.active()))
                .body("conclusions.type", hasItem("ACCOMPANY"))
                .body("firedRules[0].seq", equalTo(1))
                .body("firedRules[0].reason.fa", notNullValue())
                .body("firedRules[0].reason.en", notNullValue())
                .body("firedRules[0].reference", notNullValue())
                .body(
                        "firedRules.find { it.rule == 'safehouse/SonWithinTheAgeLimitAccompaniesHisMother' }"
                                + ".parameters.find { it.name == 'safehouse.sonMaxAge' }.value",
                        equalTo(12))
                .body("hash", matchesPattern(HEX64))
                .body("previousHash", matchesPattern(HEX64))
                .body("$", not(hasKey("lane"))); // the console's reading of seq, not a field of the contract

        assertThat(count("select count(*) from audit_read where decision_id = '" + id + "' and actor = 'auditor'"))
                .as("the auditor's read is itself recorded")
                .isEqualTo(1);
        Api.as("auditor")
                .get("/api/v1/audit/decisions/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void aDecisionReplaysIdenticallyEvenWhenItsVersionIsRetired() throws IOException {
        int shipped = Rulesets.active();
        int raised = Rulesets.draft(Rulesets.changes(shipped, Map.of("safehouse/parameters.yaml", raisedSonAge())))
                .statusCode(201)
                .extract()
                .path("version");
        Rulesets.activate(raised, "audit test").statusCode(200);
        String underRaised = decide("family", sonAged(13));
        Rulesets.activate(shipped, "audit test: back").statusCode(200);
        String underShipped = decide("family", sonAged(13));
        String withIndicatorMeans =
                decide("family", Fixtures.unique("family-safehouse.json").toString());

        for (String id : List.of(underRaised, underShipped, withIndicatorMeans)) {
            Api.as("auditor")
                    .post("/api/v1/audit/decisions/" + id + "/replay")
                    .then()
                    .statusCode(200)
                    .body("identical", equalTo(true))
                    .body("differences", empty());
        }
        Api.as("auditor")
                .post("/api/v1/audit/decisions/" + underRaised + "/replay")
                .then()
                .body("rulesetVersion", equalTo(raised));
    }

    @Test
    void eachFilterFindsTheDecisionAndExcludesWhatDoesNotMatch() {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        String subject = family.get("familyRef").asText();
        String id = decide("family", family.toString());
        int version = Rulesets.active();
        String today = LocalDate.now(ZoneId.of("Asia/Tehran")).toString();

        Map<String, String> matching = Map.of(
                "subjectRef",
                subject,
                "kind",
                "family",
                "rule",
                "safehouse/SonWithinTheAgeLimitAccompaniesHisMother",
                "type",
                "ACCOMPANY",
                "value",
                "NOT_ALLOWED",
                "rulesetVersion",
                Integer.toString(version),
                "from",
                today,
                "to",
                today);
        matching.forEach((filter, value) -> Api.as("auditor")
                .queryParam(filter, value)
                .queryParam("size", 5)
                .get("/api/v1/audit/decisions")
                .then()
                .statusCode(200)
                .body("items[0].decisionId", equalTo(id)));

        Map<String, String> notMatching = Map.of(
                "kind", "group",
                "rule", "helpers/NoSuchRule",
                "type", "REGISTRATION",
                "value", "NO_SUCH_VALUE",
                "rulesetVersion", "999999",
                "to", "2020-01-01");
        notMatching.forEach((filter, value) -> Api.as("auditor")
                .queryParam("subjectRef", subject)
                .queryParam(filter, value)
                .get("/api/v1/audit/decisions")
                .then()
                .statusCode(200)
                .body("items", empty()));

        Api.as("auditor")
                .queryParam("subjectRef", subject)
                .queryParam("type", "ACCOMPANY")
                .queryParam("value", "ALLOWED")
                .get("/api/v1/audit/decisions")
                .then()
                .body("items", hasSize(1))
                .body("items[0].conclusions.find { it.type == 'SAFE_HOUSE' }.value", equalTo("RESIDENTIAL"))
                .body("hasMore", equalTo(false));
        Api.as("auditor")
                .queryParam("kind", "parents")
                .queryParam("size", 0)
                .get("/api/v1/audit/decisions")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("kind", "size")));
    }

    @Test
    void theChainOfAllRecordsVerifies() {
        decide("helper", Fixtures.unique("helper.json").toString());

        Api.as("auditor")
                .get("/api/v1/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("records", notNullValue());
    }

    @Test
    void ruleStatisticsListEveryRuleOfTheActiveRulesetFiredOrNot() {
        decide("family", Fixtures.unique("family-safehouse.json").toString());
        String today = LocalDate.now(ZoneId.of("Asia/Tehran")).toString();

        List<Map<String, Object>> rules = Api.as("auditor")
                .queryParam("from", today)
                .queryParam("to", today)
                .get("/api/v1/audit/rules")
                .then()
                .statusCode(200)
                .extract()
                .path("rules");

        List<String> activeRules = Api.as("auditor")
                .get("/api/v1/rulesets/active/rules")
                .then()
                .statusCode(200)
                .extract()
                .path("rule");
        assertThat(activeRules).as("the active ruleset's rules").isNotEmpty();
        assertThat(rules)
                .extracting(rule -> (String) rule.get("rule"))
                .as("one line per rule of the active ruleset")
                .hasSameSizeAs(activeRules)
                .containsExactlyInAnyOrderElementsOf(activeRules);
        assertThat(rules)
                .filteredOn(rule -> rule.get("rule").equals("safehouse/SonWithinTheAgeLimitAccompaniesHisMother"))
                .singleElement()
                .satisfies(rule ->
                        assertThat(((Number) rule.get("firings")).intValue()).isPositive());
        assertThat(rules).anySatisfy(rule -> assertThat(((Number) rule.get("firings")).intValue())
                .isZero());
    }

    @Test
    void theImpactOfADraftReportsExactlyTheDecisionsThatCrossItsThreshold() throws IOException, SQLException {
        decide("family", sonAged(12));
        String crossing = decide("family", sonAged(13));
        decide("family", sonAged(15));
        int draft = Rulesets.draft(
                        Rulesets.changes(Rulesets.active(), Map.of("safehouse/parameters.yaml", raisedSonAge())))
                .statusCode(201)
                .extract()
                .path("version");
        int before = count("select count(*) from decision");

        Api.as("auditor")
                .body("{\"limit\":3}")
                .post("/api/v1/rulesets/" + draft + "/impact")
                .then()
                .statusCode(200)
                .body("replayed", equalTo(3))
                .body("changed", equalTo(1))
                .body("changes[0].decisionId", equalTo(crossing))
                .body("changes[0].before[0].value", equalTo("NOT_ALLOWED"))
                .body("changes[0].after[0].value", equalTo("ALLOWED"))
                .body("transitions.'ACCOMPANY NOT_ALLOWED → ALLOWED'", equalTo(1));
        assertThat(count("select count(*) from decision"))
                .as("impact records nothing")
                .isEqualTo(before);
    }

    @Test
    void theServiceRoleMayOnlyReadAndAppendTheRecordAndNotEvenTheOwnerMayChangeIt() {
        String id = decide("helper", Fixtures.unique("helper.json").toString());
        List<String> changes = List.of(
                "update decision set subject_ref = 'X' where id = '" + id + "'",
                "delete from decision where id = '" + id + "'",
                "truncate decision cascade",
                "update ruleset_event set comment = 'x'",
                "delete from ruleset_file",
                "delete from audit_read",
                "truncate audit_read");

        for (String sql : changes) {
            Assertions.assertThatThrownBy(() -> execute(dataSource, sql))
                    .as("service role: " + sql)
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                    .hasMessageContaining("permission denied");
            Assertions.assertThatThrownBy(() -> execute(owner, sql))
                    .as("owner: " + sql)
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                    .hasMessageContaining("not allowed");
        }
    }

    private static String decide(String kind, String profile) {
        return Api.asIntake()
                .body(profile)
                .post("/api/v1/decisions/" + kind)
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
    }

    /** A mother and one son of {@code age} full years, assessed and admitted on 2026-11-23. */
    private static String sonAged(int age) {
        return """
                {"familyRef":"T-%s","assessedOn":"2026-11-23",
                 "members":[{"ref":"mother","role":"HEAD","sex":"FEMALE","birthDate":"1985-01-01"},
                            {"ref":"son","role":"CHILD","sex":"MALE","birthDate":"%d-06-01"}],
                 "circumstances":["DOMESTIC_VIOLENCE"],
                 "safeHouse":{"applicantRef":"mother","admissionOn":"2026-11-23","immediateDanger":true}}
                """
                .formatted(UUID.randomUUID().toString().substring(0, 8), 2026 - age);
    }

    private static String raisedSonAge() throws IOException {
        return Files.readString(Path.of("rules/safehouse/parameters.yaml"))
                .replace("    2016-03-20: 12\n", "    2016-03-20: 12\n    2026-11-22: 14\n");
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void execute(AgroalDataSource on, String sql) throws SQLException {
        try (Connection connection = on.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
