package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.hamyar.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActiveRulesetContentTest {

    @Test
    void intakeFormsReadTheIndicatorCatalogueWithAnAnchorPerScore() {
        Api.asIntake()
                .when()
                .get("/api/v1/rulesets/active/indicators")
                .then()
                .statusCode(200)
                .body("$", hasSize(15))
                .body("code", hasItems("INCOME", "SAFETY", "CHILD_EDUCATION"))
                .body("find { it.code == 'SAFETY' }.domain", equalTo("SOCIAL"))
                .body("find { it.code == 'SAFETY' }.label.fa", equalTo("ایمنی"))
                .body(
                        "find { it.code == 'SAFETY' }.anchors.1.en",
                        equalTo("Current domestic violence; immediate danger"))
                .body("find { it.code == 'INCOME' }.anchors.keySet()", hasItems("1", "2", "3", "4", "5"));
    }

    @Test
    void policyStaffReadEveryRuleWithTheParametersItReads() {
        JsonPath rules = Api.as("policy")
                .when()
                .get("/api/v1/rulesets/active/rules")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(rules.getList("package", String.class))
                .contains("safehouse", "tiering", "relief", "casework", "careleavers", "helpers");
        assertThat(rules.getList("find { it.rule == 'safehouse/SonWithinTheAgeLimitAccompaniesHisMother' }.parameters"))
                .containsExactly("safehouse.sonMaxAge");
        assertThat(rules.getList(
                        "find { it.rule == 'helpers/HelperWithoutPreServiceTrainingTakesNoFamilies' }.parameters"))
                .containsExactlyInAnyOrder("helpers.maxFamilies", "helpers.minFamilies", "helpers.preServiceHours");
        assertThat(rules.getString("find { it.rule == 'tiering/HarmedFamilyIsTakenOnByAHelper' }.reason.fa"))
                .contains("همیار");
        assertThat(rules.getList("reference", String.class))
                .allSatisfy(reference -> assertThat(reference).isNotBlank());
        List<String> ids = rules.getList("rule", String.class);
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void intakeDevicesDoNotReadTheRules() {
        Api.asIntake().when().get("/api/v1/rulesets/active/rules").then().statusCode(403);
        Api.as("auditor").when().get("/api/v1/rulesets/active/rules").then().statusCode(200);
    }
}
