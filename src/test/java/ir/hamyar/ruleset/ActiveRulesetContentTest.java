package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
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
    void everyRuleSaysWhetherAProgrammesTextOrOurAssumptionDecidedIt() {
        JsonPath rules = Api.as("auditor")
                .get("/api/v1/rulesets/active/rules")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(rules.getList("provenance.kind", String.class)).isNotEmpty().allSatisfy(kind -> assertThat(kind)
                .isIn("PROGRAMME", "ASSUMPTION"));
        String eligible = "find { it.rule == 'safehouse/AdultWomanFacingViolenceIsEligible' }.provenance";
        assertThat(rules.getString(eligible + ".kind")).isEqualTo("PROGRAMME");
        assertThat(rules.getString(eligible + ".programme")).isEqualTo("safe-houses");
        assertThat(rules.getString(eligible + ".programmeName.fa")).contains("خانه");
        assertThat(rules.getString(eligible + ".programmeName.en")).contains("safe houses");
        assertThat(rules.getString(eligible + ".words")).contains("زنان تحت خشونت خانگی");
        String referral =
                "find { it.rule == 'safehouse/ApplicantInDangerWhoIsNotEligibleIsReferredToTheSocialEmergency' }";
        assertThat(rules.getString(referral + ".provenance.kind")).isEqualTo("ASSUMPTION");
        assertThat(rules.getString(referral + ".provenance.why.fa")).contains("اورژانس اجتماعی");
        assertThat(rules.getString(referral + ".provenance.why.en")).contains("social emergency");
        assertThat(rules.getString(referral + ".provenance.words")).isNull();
        assertThat(rules.getString(referral + ".reference")).contains("Our");
    }

    @Test
    void everyParameterIsReadInPersianAndEnglishWithItsProvenanceAndDatedValues() {
        JsonPath parameters = Api.as("policy")
                .get("/api/v1/rulesets/active/parameters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(parameters.getList("name", String.class)).isSorted().contains("casework.monthlyVisitTarget");
        String son = "find { it.name == 'safehouse.sonMaxAge' }";
        assertThat(parameters.getString(son + ".description.fa")).contains("پسر");
        assertThat(parameters.getString(son + ".description.en")).contains("son");
        assertThat(parameters.getString(son + ".reference.fa")).contains("خانه‌های امن");
        assertThat(parameters.getString(son + ".unit")).isEqualTo("year");
        assertThat(parameters.getString(son + ".provenance.kind")).isEqualTo("PROGRAMME");
        assertThat(parameters.getString(son + ".provenance.words")).contains("۱۲");
        assertThat(parameters.getInt(son + ".values.'2016-03-20'")).isEqualTo(12);
        String coverage = "find { it.name == 'tiering.minCoveragePercent' }.provenance";
        assertThat(parameters.getString(coverage + ".kind")).isEqualTo("ASSUMPTION");
        assertThat(parameters.getString(coverage + ".why.en")).contains("80");
        Api.asIntake().get("/api/v1/rulesets/active/parameters").then().statusCode(403);
    }

    @Test
    void anAuditRecordSaysWhereEachFiredRuleAndTheParametersItReadComeFrom() {
        String decisionId =
                Api.decide("intake", Fixtures.unique("family-safehouse.json")).getString("decisionId");

        JsonPath record = Api.as("auditor")
                .get("/api/v1/audit/decisions/" + decisionId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(record.getList("firedRules.provenance.kind", String.class))
                .isNotEmpty()
                .doesNotContainNull()
                .contains("PROGRAMME", "ASSUMPTION");
        String son = "firedRules.find { it.rule == 'safehouse/SonWithinTheAgeLimitAccompaniesHisMother' }";
        assertThat(record.getString(son + ".provenance.programme")).isEqualTo("safe-houses");
        assertThat(record.getString(son + ".parameters.find { it.name == 'safehouse.sonMaxAge' }.provenance.kind"))
                .isEqualTo("PROGRAMME");
    }

    @Test
    void intakeDevicesDoNotReadTheRules() {
        Api.asIntake().when().get("/api/v1/rulesets/active/rules").then().statusCode(403);
        Api.as("auditor").when().get("/api/v1/rulesets/active/rules").then().statusCode(200);
    }
}
