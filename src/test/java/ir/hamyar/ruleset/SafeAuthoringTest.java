package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.RefusedRuleFiles;
import ir.hamyar.support.RefusedRuleFiles.RefusedRuleFile;
import ir.hamyar.support.Rulesets;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A policy user's draft is data (contract v1.2, "Who may write what in a ruleset"): a rule file outside the DRL subset
 * is a 422 naming its file and line, and nothing of it runs; a conclusion the catalogue does not declare fails the
 * evaluation at run time, recorded, with nothing of it in the answer.
 */
@QuarkusTest
class SafeAuthoringTest {

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void restore() {
        Rulesets.restoreShipped();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aRuleFileOutsideTheSubsetIs422WithItsFileAndLineAndNothingOfItRuns(RefusedRuleFile file) {
        long failuresBefore = count("evaluation_failure");

        JsonPath report = Rulesets.draft(
                        Rulesets.changes(Rulesets.active(), Map.of(RefusedRuleFiles.PATH, file.text())))
                .statusCode(422)
                .body("status", equalTo("REJECTED"))
                .body("compiled", equalTo(false))
                .body("scenarios.passed", equalTo(0))
                .extract()
                .jsonPath();

        List<Map<String, Object>> errors = report.getList("errors");
        assertThat(errors).anySatisfy(error -> {
            assertThat(error).containsEntry("file", RefusedRuleFiles.PATH).containsEntry("line", file.line());
            assertThat((String) error.get("message")).contains(file.message());
        });
        assertThat(report.getList("scenarios.failed")).isEmpty();
        assertThat(count("evaluation_failure")).isEqualTo(failuresBefore);
        try (Stream<Path> marks = Files.list(Path.of("target"))) {
            assertThat(marks.map(Path::getFileName).map(Path::toString))
                    .noneMatch(name -> name.startsWith("subset-breached"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int version = report.getInt("version");
        Api.as("policy")
                .body(Fixtures.load("family-safehouse.json").toString())
                .post("/api/v1/rulesets/" + version + "/evaluate/family")
                .then()
                .statusCode(409);
    }

    @Test
    void aConclusionAboutASubjectTheCatalogueDoesNotAllowFailsTheDecisionRecordedWithNothingOfItAnswered() {
        String smuggler =
                """
                package relief;

                import ir.hamyar.facts.Conclusion;
                import ir.hamyar.facts.Family;

                rule "ASmugglersFamilyIsGivenAHelpersCaseload"
                    @reasonFa("x") @reasonEn("x") @reference("a rule that draws a helper's conclusion on a family")
                when
                    $family : Family(ref == "F-SMUGGLER")
                then
                    insert(Conclusion.of("CASELOAD", $family.getRef(), "FULL"));
                end
                """;
        int version = Rulesets.draft(Rulesets.changes(Rulesets.active(), Map.of("relief/smuggler.drl", smuggler)))
                .statusCode(201)
                .extract()
                .path("version");
        Rulesets.activate(version, "a rule drawing an undeclared conclusion").statusCode(200);
        long failuresBefore = count("evaluation_failure");
        ObjectNode family = Fixtures.load("family-safehouse.json");
        family.put("familyRef", "F-SMUGGLER");

        String answer = Api.asIntake()
                .body(family.toString())
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(500)
                .contentType(Api.PROBLEM_JSON)
                .body("type", equalTo("urn:hamyar:problem:rules-failed"))
                .extract()
                .asString();

        assertThat(answer)
                .contains("relief/ASmugglersFamilyIsGivenAHelpersCaseload")
                .contains("CASELOAD, which conclusions.yaml declares for helper profiles, on a family profile")
                .doesNotContain("F-SMUGGLER")
                .doesNotContain("FULL");
        assertThat(count("evaluation_failure")).isEqualTo(failuresBefore + 1);
    }

    static Stream<RefusedRuleFile> refused() {
        return RefusedRuleFiles.all();
    }

    private long count(String table) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
