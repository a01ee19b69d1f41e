package ir.hamyar.decision;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default ruleset's headline decisions, through REST, rules and the database. */
@QuarkusTest
class DefaultPolicyDecisionTest {

    private static final String ALL_SAFE = "{\"INCOME\":3,\"EMPLOYMENT\":3,\"HOUSING\":3,\"FOOD\":3,\"DEBT\":3,"
            + "\"HEALTH\":3,\"SAFETY\":3,\"FAMILY_RELATIONS\":3,\"PARENTING\":3,\"SUBSTANCE_USE\":3,"
            + "\"MENTAL_HEALTH\":3,\"SOCIAL_SUPPORT\":3,\"CHILD_EDUCATION\":3,\"ADULT_EDUCATION\":3,"
            + "\"COMMUNITY_PARTICIPATION\":3}";

    @Test
    void aFamilyFacingCurrentViolenceIsHarmedFocusedAndScreenedForASafeHouseWithoutReferral() {
        ObjectNode family = assessedFamily();
        Fixtures.with(family, "/indicators/SAFETY", "1");

        Api.asIntake()
                .body(family.toString())
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .body("conclusions.find { it.type == 'TIER' }.value", equalTo("HARMED"))
                .body(
                        "conclusions.find { it.type == 'TIER' }.reason.en",
                        equalTo("The family is harmed: SAFETY = 1: current domestic violence."))
                .body("conclusions.find { it.type == 'TRACK' }.value", equalTo("FOCUSED"))
                .body(
                        "conclusions.find { it.type == 'DOMAIN_TIER' && it.subject == 'SOCIAL' }.value",
                        equalTo("HARMED"))
                .body("conclusions.findAll { it.type == 'SERVICE' }.value", hasItems("SAFE_HOUSE_SCREENING"))
                .body("conclusions.type", not(hasItems("REFERRAL")));
    }

    @Test
    void incomeAndChildrensEducationInCrisisAreReferredToTheEconomicAndCulturalCommissions() {
        ObjectNode family = assessedFamily();
        Fixtures.with(family, "/indicators/INCOME", "1");
        Fixtures.with(family, "/indicators/CHILD_EDUCATION", "1");

        Api.asIntake()
                .body(family.toString())
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .body(
                        "conclusions.findAll { it.type == 'REFERRAL' }.value.sort()",
                        equalTo(List.of("CULTURAL_COMMISSION", "ECONOMIC_COMMISSION")));
    }

    @Test
    void aGroupOfSevenDischargedAdultsIsValidWithARegistrationDeadlineOneSolarHijriYearOn() {
        ObjectNode group = Fixtures.unique("group.json");
        for (int i = 1; i < 7; i++) {
            Fixtures.with(
                    group,
                    "/members/" + i,
                    "{\"ref\":\"y" + (i + 1) + "\",\"birthDate\":\"2001-02-03\",\"careStatus\":\"DISCHARGED\"}");
        }

        Api.asIntake()
                .body(group.toString())
                .when()
                .post("/api/v1/decisions/group")
                .then()
                .statusCode(200)
                .body("conclusions.find { it.type == 'GROUP_SIZE' }.value", equalTo("VALID"))
                .body("conclusions.find { it.type == 'GROUP_SIZE' }.details.eligibleMembers", equalTo(7))
                .body("conclusions.find { it.type == 'REGISTRATION' }.value", equalTo("PENDING"))
                .body("conclusions.find { it.type == 'REGISTRATION' }.details.deadline", equalTo("2027-01-10"))
                .body("conclusions.find { it.type == 'REGISTRATION' }.details.deadlineJalali", equalTo("1405-10-20"));
    }

    @Test
    void aMotherInImmediateDangerWhoseViolenceNobodyTickedIsGivenAResidentialPlace() {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        Fixtures.with(family, "/circumstances", "[\"FEMALE_HEADED\"]");

        Api.asIntake()
                .body(family.toString())
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .body("conclusions.find { it.type == 'SAFE_HOUSE' }.value", equalTo("RESIDENTIAL"))
                .body(
                        "conclusions.find { it.type == 'SAFE_HOUSE' }.details.services",
                        equalTo(List.of(
                                "BASIC_NEEDS", "JOB_EMPOWERMENT", "SOCIAL_WORK", "PSYCHOLOGY", "LEGAL_COUNSELLING")))
                .body("conclusions.find { it.type == 'STAY' }.value", equalTo("STANDARD"))
                .body("conclusions.findAll { it.type == 'SAFE_HOUSE' }.value", not(hasItems("NOT_ELIGIBLE")))
                .body("firedRules.rule", hasItems("safehouse/AdultWomanFacingViolenceIsEligible"));
    }

    @Test
    void aGirlOfSeventeenInDangerIsReferredToTheSocialEmergency() {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        Fixtures.with(
                family,
                "/members/1",
                "{\"ref\":\"m2\",\"role\":\"CHILD\",\"sex\":\"FEMALE\",\"birthDate\":\"2009-06-01\"}");
        Fixtures.with(family, "/safeHouse/applicantRef", "\"m2\"");

        Api.asIntake()
                .body(family.toString())
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .body("conclusions.find { it.type == 'SAFE_HOUSE' }.value", equalTo("NOT_ELIGIBLE"))
                .body("conclusions.find { it.type == 'EMERGENCY_REFERRAL' }.subject", equalTo("m2"))
                .body("conclusions.find { it.type == 'EMERGENCY_REFERRAL' }.value", equalTo("SOCIAL_EMERGENCY"))
                .body(
                        "conclusions.find { it.type == 'EMERGENCY_REFERRAL' }.reason.fa",
                        containsString("اورژانس اجتماعی"));
    }

    @Test
    void aGroupThatAppliedToBehzistiIsFiledWhileItWaitsInEitherCalendar() {
        ObjectNode iso = Fixtures.unique("group.json");
        Fixtures.with(iso, "/startedOn", "\"2025-11-01\"");
        Fixtures.with(iso, "/registrationFiledOn", "\"2026-11-01\"");
        ObjectNode jalali = Fixtures.unique("group.json");
        Fixtures.with(jalali, "/calendar", "\"JALALI\"");
        Fixtures.with(jalali, "/assessedOn", "\"1405/08/29\"");
        Fixtures.with(jalali, "/startedOn", "\"1404/08/10\"");
        Fixtures.with(jalali, "/registrationFiledOn", "\"1405/08/11\"");
        Fixtures.with(jalali, "/members/0/birthDate", "\"1386/02/11\"");

        for (ObjectNode group : List.of(iso, jalali)) {
            boolean onTime = group == iso;
            Api.asIntake()
                    .body(group.toString())
                    .when()
                    .post("/api/v1/decisions/group")
                    .then()
                    .statusCode(200)
                    .body("conclusions.find { it.type == 'REGISTRATION' }.value", equalTo("FILED"))
                    .body("conclusions.find { it.type == 'REGISTRATION' }.details.onTime", equalTo(onTime))
                    .body("conclusions.find { it.type == 'REGISTRATION' }.details.deadline", equalTo("2026-11-01"))
                    .body("conclusions.find { it.type == 'FACILITATOR' }.value", equalTo("ASSIGNED"));
        }
    }

    @Test
    void aMalformedOrFutureApplicationDayIsRefusedNamingTheField() {
        for (String day : List.of("2026-13-01", "2026-11-21")) {
            ObjectNode group = Fixtures.unique("group.json");
            Fixtures.with(group, "/registrationFiledOn", "\"" + day + "\"");

            Api.asIntake()
                    .body(group.toString())
                    .when()
                    .post("/api/v1/decisions/group")
                    .then()
                    .statusCode(400)
                    .contentType(Api.PROBLEM_JSON)
                    .body("errors.field", equalTo(List.of("registrationFiledOn")));
        }
    }

    private static ObjectNode assessedFamily() {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        Fixtures.without(family, "/safeHouse");
        Fixtures.without(family, "/casework");
        Fixtures.with(family, "/circumstances", "[]");
        return Fixtures.with(family, "/indicators", ALL_SAFE);
    }
}
