package ir.hamyar.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import ir.hamyar.calendar.IranTime;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.OwnDatabases;
import ir.hamyar.support.TwoOrganisationsProfile;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The managers' reports over the real path: families decided by an intake device of organisation B (fresh for this
 * run) are counted for a manager of B as their answers say, small counts shown as "<5", the same table as CSV, and
 * no individual record reachable by a manager.
 */
@QuarkusTest
@TestProfile(TwoOrganisationsProfile.class)
class ReportsTest {

    /** How many outcomes the test wrote of each family: the next one's number. */
    private static final Map<String, Integer> OUTCOMES = new HashMap<>();

    /** This Solar Hijri month, whole: the smallest period a report takes. */
    private static final String THIS_MONTH = "from=" + SolarHijri.firstOfMonth(IranTime.today()) + "&to="
            + SolarHijri.plusMonths(SolarHijri.firstOfMonth(IranTime.today()), 1)
                    .minusDays(1);

    @Test
    void aManagerSeesTheReTieringOfHerOrganisationWithSmallCellsHidden() {
        List<JsonPath> answers = new ArrayList<>();
        ObjectNode family = Fixtures.tieredFamily(1);
        answers.add(Api.decide("intake2", family));
        ObjectNode safer = family.deepCopy();
        ((ObjectNode) safer.path("indicators"))
                .put("SAFETY", 4)
                .put("INCOME", 4)
                .put("EMPLOYMENT", 4);
        answers.add(Api.decide("intake2", safer));
        String firstTier = value(answers.get(0), "TIER");
        String latestTier = value(answers.get(1), "TIER");
        assertThat(latestTier).as("the second assessment is safer").isNotEqualTo(firstTier);
        for (int i = 0; i < 5; i++) {
            answers.add(Api.decide("intake2", Fixtures.tieredFamily(1)));
            assertThat(value(answers.get(answers.size() - 1), "TIER")).isEqualTo(firstTier);
        }

        JsonPath transitions = report("transitions");
        assertThat(transitions.getString("organisation")).isEqualTo(TwoOrganisationsProfile.B);
        List<String> columns = transitions.getList("columns");
        List<List<Object>> rows = transitions.getList("rows");
        assertThat(rows).extracting(row -> row.get(0)).contains(firstTier, latestTier);
        for (List<Object> row : rows) {
            for (int column = 1; column < row.size(); column++) {
                boolean thePair =
                        row.get(0).equals(firstTier) && columns.get(column).equals(latestTier);
                assertThat(row.get(column))
                        .as("%s -> %s", row.get(0), columns.get(column))
                        .isEqualTo(thePair ? "<5" : 0);
            }
        }

        JsonPath tiers = report("tiers");
        assertThat(tiers.getList("rows")).hasSize(1);
        List<Object> month = tiers.getList("rows[0]");
        List<String> tierColumns = tiers.getList("columns");
        assertThat(month.get(0))
                .isEqualTo(SolarHijri.of(IranTime.today()).toString().substring(0, 7));
        assertThat(month.get(tierColumns.indexOf(firstTier)))
                .as("five families, latest " + firstTier)
                .isEqualTo(5);
        assertThat(month.get(tierColumns.indexOf(latestTier))).isEqualTo("<5");

        Map<String, Integer> expected = new TreeMap<>();
        for (JsonPath answer : answers) {
            expected.merge("SAFE_HOUSE " + value(answer, "SAFE_HOUSE"), 1, Integer::sum);
            expected.merge(
                    "ACCOMPANY NOT_ALLOWED",
                    answer.getList("conclusions.findAll { it.type == 'ACCOMPANY' && it.value == 'NOT_ALLOWED' }")
                            .size(),
                    Integer::sum);
        }
        JsonPath safeHouse = report("safehouse");
        List<List<Object>> safeHouseRows = safeHouse.getList("rows");
        expected.forEach((what, count) -> assertThat(safeHouseRows)
                .as(what)
                .contains(List.of(what.split(" ")[0], what.split(" ")[1], count > 0 && count < 5 ? "<5" : count)));

        String csv = Api.as("manager-b")
                .accept("text/csv")
                .get("/api/v1/reports/transitions?" + THIS_MONTH)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", columns));
        assertThat(lines)
                .hasSize(rows.size() + 1)
                .anyMatch(line -> line.startsWith(firstTier + ",") && line.contains("<5"));
    }

    @Test
    void aManagerSeesTheFamiliesVisitedEachSolarHijriMonthAgainstTheUnitsTarget() {
        // Mordad 1405 (2026-07-23 to 2026-08-22): six families, one of them told of her visit twice; Shahrivar: two.
        for (int family = 0; family < 6; family++) {
            ObjectNode visited = visitedOn("2026-08-0" + (family + 1));
            Api.decide("intake2", visited);
            if (family == 0) {
                Api.decide("intake2", visited.deepCopy());
            }
        }
        Api.decide("intake2", visitedOn("2026-09-01"));
        Api.decide("intake2", visitedOn("2026-09-02"));
        Api.decide("intake", visitedOn("2026-08-10"));

        JsonPath visits = new JsonPath(Api.as("manager-b")
                .get("/api/v1/reports/visits?from=2026-07-23&to=2026-09-22")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertThat(visits.getString("report")).isEqualTo("visits");
        assertThat(visits.getString("organisation")).isEqualTo(TwoOrganisationsProfile.B);
        assertThat(visits.getList("columns"))
                .containsExactly("period", "from", "to", "organisation", "familiesVisited", "target", "targetMet");
        assertThat(visits.getList("rows"))
                .containsExactly(
                        List.of("1405-05", "2026-07-23", "2026-08-22", TwoOrganisationsProfile.B, 6, 20, false),
                        List.of("1405-06", "2026-08-23", "2026-09-22", TwoOrganisationsProfile.B, "<5", 20, false));

        String csv = Api.as("manager-b")
                .accept("text/csv")
                .get("/api/v1/reports/visits?from=2026-07-23&to=2026-09-22")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "period,from,to,organisation,familiesVisited,target,targetMet",
                        "1405-05,2026-07-23,2026-08-22," + TwoOrganisationsProfile.B + ",6,20,false",
                        "1405-06,2026-08-23,2026-09-22," + TwoOrganisationsProfile.B + ",<5,20,false");
        Api.as("intake2").get("/api/v1/reports/visits").then().statusCode(403);

        JsonPath everyOrganisation = new JsonPath(Api.as("auditor")
                .get("/api/v1/reports/visits?from=2026-07-23&to=2026-08-22")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(everyOrganisation.getString("organisation")).isEqualTo("*");
        assertThat(everyOrganisation.getList("rows"))
                .as("whole months, each organisation a row")
                .contains(
                        List.of("1405-05", "2026-07-23", "2026-08-22", TwoOrganisationsProfile.B, 6, 20, false),
                        List.of("1405-05", "2026-07-23", "2026-08-22", TwoOrganisationsProfile.A, "<5", 20, false));

        List<List<Object>> thisYear = new JsonPath(Api.as("manager-b")
                        .get("/api/v1/reports/visits")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getList("rows");
        assertThat(thisYear.get(thisYear.size() - 1).get(6))
                .as("a month that has not ended is not judged")
                .isNull();
    }

    private static ObjectNode visitedOn(String day) {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        Fixtures.without(family, "/safeHouse");
        return Fixtures.with(family, "/casework/lastHomeVisitOn", "\"" + day + "\"");
    }

    @Test
    void aManagerCannotOpenAnyIndividualRecord() {
        String decisionId = Api.as("intake2")
                .body(Fixtures.unique("helper.json").toString())
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        Api.as("manager-b").get("/api/v1/decisions/" + decisionId).then().statusCode(403);
        Api.as("manager-b").get("/api/v1/audit/decisions/" + decisionId).then().statusCode(403);
        Api.as("manager-b").get("/api/v1/audit/decisions").then().statusCode(403);
        Api.as("manager-b").get("/api/v1/audit/reads").then().statusCode(403);
        Api.as("manager-b").get("/api/v1/audit/failures").then().statusCode(403);
    }

    @Test
    void aBadPeriodOrIntervalIsNamed() {
        Api.as("manager")
                .get("/api/v1/reports/tiers?from=2026-13-01&interval=week")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("errors.field", hasItem("from"))
                .body("errors.field", hasItem("interval"));
        Api.as("manager")
                .get("/api/v1/reports/transitions?from=2026-12-22&to=2026-11-21")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    /**
     * Failed before the change: a one-day period was taken, so [F..D] and [F..D-1] gave D's small count by their
     * difference. Periods are whole Solar Hijri months now (Azar 1405 is 2026-11-22 to 2026-12-21).
     */
    @Test
    void aPeriodThatIsNotWholeSolarHijriMonthsIsRefused() {
        for (String period : List.of("from=2026-11-22&to=2026-12-01", "from=2026-11-22&to=2026-11-22")) {
            Api.as("manager")
                    .get("/api/v1/reports/safehouse?" + period)
                    .then()
                    .statusCode(400)
                    .contentType(Api.PROBLEM_JSON)
                    .body("errors[0].field", equalTo("to"));
        }
        Api.as("manager")
                .get("/api/v1/reports/transitions?from=2026-11-23&to=2026-12-21")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        Api.as("manager")
                .get("/api/v1/reports/tiers?from=2026-10-23&to=2026-12-21&interval=quarter")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        Api.as("manager")
                .get("/api/v1/reports/safehouse?from=2026-11-22&to=2026-12-21")
                .then()
                .statusCode(200);
    }

    /**
     * Two periods a month apart, asked for one after the other, give no small count away: a safe-house count over two
     * months with a small month in it is suppressed, and so is a re-tiering count that differs by 1 to 4 from the
     * same count a month shorter. Outcomes are written straight into the reports' table, in earlier months, for this
     * run's organisation B (the API records decisions now only), each family under a pseudonym of the test's.
     */
    @Test
    void twoPeriodsAMonthApartRecoverNoSmallCount() throws SQLException {
        LocalDate thisMonth = SolarHijri.firstOfMonth(IranTime.today());
        LocalDate earlier = SolarHijri.plusMonths(thisMonth, -3);
        LocalDate later = SolarHijri.plusMonths(thisMonth, -2);
        for (int i = 0; i < 7; i++) {
            outcome(earlier, "S-" + i, null, "RESIDENTIAL");
        }
        outcome(later, "S-7", null, "RESIDENTIAL");
        outcome(later, "S-8", null, "RESIDENTIAL");
        for (int family = 0; family < 5; family++) {
            outcome(earlier, "T-" + family, "HARMED", null);
            outcome(earlier, "T-" + family, "HARMED", null);
        }
        for (int family = 5; family < 7; family++) {
            outcome(earlier, "T-" + family, "HARMED", null);
            outcome(later, "T-" + family, "HARMED", null);
        }
        String both =
                "from=" + earlier + "&to=" + SolarHijri.plusMonths(later, 1).minusDays(1);
        String first = "from=" + earlier + "&to=" + later.minusDays(1);
        String second =
                "from=" + later + "&to=" + SolarHijri.plusMonths(later, 1).minusDays(1);

        assertThat(cell("safehouse", first, "SAFE_HOUSE", "RESIDENTIAL")).isEqualTo(7);
        assertThat(cell("safehouse", second, "SAFE_HOUSE", "RESIDENTIAL")).isEqualTo("<5");
        assertThat(cell("safehouse", both, "SAFE_HOUSE", "RESIDENTIAL"))
                .as("9 would give away the second month's 2")
                .isEqualTo("x");

        assertThat(transition(first, "HARMED", "HARMED")).isEqualTo(5);
        assertThat(transition(both, "HARMED", "HARMED"))
                .as("7 would give away the 2 families decided again in the second month")
                .isEqualTo("x");
    }

    private static Object cell(String report, String period, String type, String value) {
        List<List<Object>> rows = new JsonPath(Api.as("manager-b")
                        .get("/api/v1/reports/" + report + "?" + period)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getList("rows");
        return rows.stream()
                .filter(row -> row.get(0).equals(type) && row.get(1).equals(value))
                .findFirst()
                .orElseThrow()
                .get(2);
    }

    private static Object transition(String period, String first, String latest) {
        JsonPath report = new JsonPath(Api.as("manager-b")
                .get("/api/v1/reports/transitions?" + period)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        int column = report.getList("columns").indexOf(latest);
        List<List<Object>> rows = report.getList("rows");
        return rows.stream()
                .filter(row -> row.get(0).equals(first))
                .findFirst()
                .orElseThrow()
                .get(column);
    }

    /** One family decision's outcome of organisation B in a month, after the family's earlier ones. */
    private static void outcome(LocalDate month, String family, String tier, String safeHouse) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(OwnDatabases.SERVER + "hamyar_test", "postgres", null);
                PreparedStatement insert = connection.prepareStatement("insert into report_outcome (organisation,"
                        + " family, month, n, tier, safe_house, stay, sons_not_allowed)"
                        + " values (?, ?, ?, ?, ?, ?, null, 0)")) {
            insert.setString(1, TwoOrganisationsProfile.B);
            insert.setBytes(2, (TwoOrganisationsProfile.B + family).getBytes(StandardCharsets.UTF_8));
            insert.setObject(3, month);
            insert.setInt(4, OUTCOMES.merge(family, 1, Integer::sum));
            insert.setString(5, tier);
            insert.setString(6, safeHouse);
            insert.executeUpdate();
        }
    }

    @Test
    void quartersAreSolarHijriSeasons() {
        JsonPath quarters = new JsonPath(Api.as("manager")
                .get("/api/v1/reports/tiers?from=2026-03-21&to=2026-12-21&interval=quarter")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(quarters.getList("rows.collect { it[0] }")).containsExactly("1405-Q1", "1405-Q2", "1405-Q3");
        assertThat(quarters.getList("rows.collect { it[1] }"))
                .containsExactly("2026-03-21", "2026-06-22", "2026-09-23");
        assertThat(quarters.getList("rows.collect { it[2] }"))
                .containsExactly("2026-06-21", "2026-09-22", "2026-12-21");
    }

    private static JsonPath report(String name) {
        return new JsonPath(Api.as("manager-b")
                .get("/api/v1/reports/" + name + "?" + THIS_MONTH)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static String value(JsonPath decision, String type) {
        return decision.getString("conclusions.find { it.type == '" + type + "' }.value");
    }
}
