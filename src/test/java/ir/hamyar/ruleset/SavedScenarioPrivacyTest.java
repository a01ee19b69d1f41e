package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.Rulesets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scenario saved into {@code saved/} stays in an immutable version that every policy user and auditor reads, and no
 * erasure reaches it: one that names a subject of the record is refused, naming the file, and nothing is stored.
 * Failed before the change: the draft was made with the real ref in it.
 */
@QuarkusTest
class SavedScenarioPrivacyTest {

    @Test
    void aSavedScenarioNamingASubjectOfTheRecordIsRefused() {
        String ref = Api.decide("intake", Fixtures.tieredFamily(2)).getString("subjectRef");
        int versions = Rulesets.count();

        Rulesets.draft(Rulesets.changes(Rulesets.active(), Map.of("saved/family.scenarios.yaml", scenarioOf(ref))))
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("errors[0].field", equalTo("saved/family.scenarios.yaml"))
                .body("errors[0].message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(ref)));
        assertThat(Rulesets.count()).as("nothing stored").isEqualTo(versions);
    }

    private static String scenarioOf(String ref) {
        return """
                kind: family
                scenarios:
                  - name: a family typed from a real file
                    given:
                      familyRef: %s
                      assessedOn: "2026-11-20"
                      members:
                        - {ref: m1, role: HEAD, sex: FEMALE, birthDate: "1990-01-01"}
                    expect:
                      conclusions: []
                """
                .formatted(ref);
    }
}
