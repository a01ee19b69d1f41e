package ir.hamyar.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.Records;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every constraint of the contract, through the REST path: a 400 problem naming the field, never echoing what was
 * sent, and nothing recorded.
 */
@QuarkusTest
class ProfileValidationTest {

    /** A value no response may repeat: it stands for a name or ID typed into the wrong field. */
    private static final String CANARY = "Zahra-Canary-0912";

    @Inject
    AgroalDataSource dataSource;

    static Stream<Arguments> familyCases() {
        String tomorrow = "\"" + LocalDate.now(ZoneId.of("Asia/Tehran")).plusDays(1) + "\"";
        return Stream.of(
                family("an undefined top-level field", "fullName", b -> Fixtures.with(b, "/fullName", q(CANARY))),
                family(
                        "an undefined member field",
                        "members[1].nationalId",
                        b -> Fixtures.with(b, "/members/1/nationalId", q(CANARY))),
                family(
                        "an undefined safe-house field",
                        "safeHouse.address",
                        b -> Fixtures.with(b, "/safeHouse/address", q(CANARY))),
                family("a missing familyRef", "familyRef", b -> Fixtures.without(b, "/familyRef")),
                family("a familyRef with spaces", "familyRef", b -> Fixtures.with(b, "/familyRef", q(CANARY + " x"))),
                family(
                        "a familyRef of 65 characters",
                        "familyRef",
                        b -> Fixtures.with(b, "/familyRef", q("F".repeat(65)))),
                family("no members", "members", b -> Fixtures.with(b, "/members", "[]")),
                family("31 members", "members", ProfileValidationTest::thirtyOneMembers),
                family("a duplicated member ref", "members[2].ref", b -> Fixtures.with(b, "/members/2/ref", q("m2"))),
                family("an unknown role", "members[0].role", b -> Fixtures.with(b, "/members/0/role", q("AUNT"))),
                family("an unknown sex", "members[0].sex", b -> Fixtures.with(b, "/members/0/sex", q(CANARY))),
                family(
                        "a missing birth date",
                        "members[2].birthDate",
                        b -> Fixtures.without(b, "/members/2/birthDate")),
                family(
                        "a birth date that does not exist",
                        "members[2].birthDate",
                        b -> Fixtures.with(b, "/members/2/birthDate", q("2026-02-30"))),
                family(
                        "a birth date after assessedOn",
                        "members[2].birthDate",
                        b -> Fixtures.with(b, "/members/2/birthDate", q("2026-11-21"))),
                family(
                        "a birth date before 1900",
                        "members[0].birthDate",
                        b -> Fixtures.with(b, "/members/0/birthDate", q("1899-12-31"))),
                family(
                        "a birth date that is a number",
                        "members[0].birthDate",
                        b -> Fixtures.with(b, "/members/0/birthDate", "19900402")),
                family(
                        "inCustody as text",
                        "members[1].inCustody",
                        b -> Fixtures.with(b, "/members/1/inCustody", q("yes"))),
                family("assessedOn in the future", "assessedOn", b -> Fixtures.with(b, "/assessedOn", tomorrow)),
                family("an unknown calendar", "calendar", b -> Fixtures.with(b, "/calendar", q("LUNAR"))),
                family(
                        "an unknown indicator code",
                        "indicators.INCOME_TAX",
                        b -> Fixtures.with(b, "/indicators/INCOME_TAX", "3")),
                family(
                        "an indicator score of 0",
                        "indicators.SAFETY",
                        b -> Fixtures.with(b, "/indicators/SAFETY", "0")),
                family(
                        "an indicator score of 6",
                        "indicators.HOUSING",
                        b -> Fixtures.with(b, "/indicators/HOUSING", "6")),
                family(
                        "an indicator score of 2.5",
                        "indicators.INCOME",
                        b -> Fixtures.with(b, "/indicators/INCOME", "2.5")),
                family(
                        "an indicator score as text",
                        "indicators.INCOME",
                        b -> Fixtures.with(b, "/indicators/INCOME", q("2"))),
                family(
                        "an unknown circumstance",
                        "circumstances[2]",
                        b -> Fixtures.with(b, "/circumstances/2", q("POOR"))),
                family(
                        "an applicant who is not a member",
                        "safeHouse.applicantRef",
                        b -> Fixtures.with(b, "/safeHouse/applicantRef", q("m9"))),
                family(
                        "a safe-house request without admission day",
                        "safeHouse.admissionOn",
                        b -> Fixtures.without(b, "/safeHouse/admissionOn")),
                family(
                        "a request for 0 months",
                        "safeHouse.requestedMonths",
                        b -> Fixtures.with(b, "/safeHouse/requestedMonths", "0")),
                family(
                        "a request for 25 months",
                        "safeHouse.requestedMonths",
                        b -> Fixtures.with(b, "/safeHouse/requestedMonths", "25")),
                family(
                        "months as text",
                        "safeHouse.requestedMonths",
                        b -> Fixtures.with(b, "/safeHouse/requestedMonths", q("4"))),
                family(
                        "an unknown casework category",
                        "casework.category",
                        b -> Fixtures.with(b, "/casework/category", q("RICH_FAMILY"))),
                family(
                        "a pension above 10,000,000 toman",
                        "casework.monthlyPensionToman",
                        b -> Fixtures.with(b, "/casework/monthlyPensionToman", "10000001")),
                family(
                        "a negative pension",
                        "casework.monthlyPensionToman",
                        b -> Fixtures.with(b, "/casework/monthlyPensionToman", "-1")),
                family(
                        "a pension without its last change",
                        "casework.lastPensionChangeOn",
                        b -> Fixtures.without(b, "/casework/lastPensionChangeOn")),
                family(
                        "a home visit after assessedOn",
                        "casework.lastHomeVisitOn",
                        b -> Fixtures.with(b, "/casework/lastHomeVisitOn", q("2026-12-01"))),
                family(
                        "the 30th of Esfand 1404 in a Solar Hijri request",
                        "safeHouse.admissionOn",
                        b -> Fixtures.with(
                                Fixtures.with(b, "/calendar", q("JALALI")),
                                "/safeHouse/admissionOn",
                                q("1404-12-30"))));
    }

    static Stream<Arguments> groupAndHelperCases() {
        return Stream.of(
                Arguments.of("group", "an undefined group field", "leaderName", (UnaryOperator<ObjectNode>)
                        b -> Fixtures.with(b, "/leaderName", q(CANARY))),
                Arguments.of("group", "an unknown care status", "members[0].careStatus", (UnaryOperator<ObjectNode>)
                        b -> Fixtures.with(b, "/members/0/careStatus", q("ADOPTED"))),
                Arguments.of("group", "a missing start date", "startedOn", (UnaryOperator<ObjectNode>)
                        b -> Fixtures.without(b, "/startedOn")),
                Arguments.of("group", "a registration after assessedOn", "registeredOn", (UnaryOperator<ObjectNode>)
                        b -> Fixtures.with(b, "/registeredOn", q("2026-11-21"))),
                Arguments.of("group", "51 members", "members", (UnaryOperator<ObjectNode>)
                        ProfileValidationTest::fiftyOneGroupMembers),
                Arguments.of("helper", "negative training hours", "preServiceTrainingHours", (UnaryOperator<ObjectNode>)
                        b -> Fixtures.with(b, "/preServiceTrainingHours", "-1")),
                Arguments.of("helper", "no count of focused families", "focusedFamilies", (UnaryOperator<ObjectNode>)
                        b -> Fixtures.without(b, "/focusedFamilies")),
                Arguments.of("helper", "an undefined helper field", "phone", (UnaryOperator<ObjectNode>)
                        b -> Fixtures.with(b, "/phone", q(CANARY))));
    }

    @ParameterizedTest(name = "a family profile with {0} is refused naming {1}")
    @MethodSource("familyCases")
    void familyProfilesBreakingTheContractAreRefused(
            String description, String field, UnaryOperator<ObjectNode> change) {
        assertRefused("family", "family-safehouse.json", field, change);
    }

    @ParameterizedTest(name = "a {0} profile with {1} is refused naming {2}")
    @MethodSource("groupAndHelperCases")
    void groupAndHelperProfilesBreakingTheContractAreRefused(
            String kind, String description, String field, UnaryOperator<ObjectNode> change) {
        assertRefused(kind, kind + ".json", field, change);
    }

    private void assertRefused(String kind, String fixture, String field, UnaryOperator<ObjectNode> change) {
        ObjectNode profile = Fixtures.unique(fixture);
        String ref = profile.get(kind + "Ref").asText();

        String problem = Api.asIntake()
                .body(change.apply(profile).toString())
                .when()
                .post("/api/v1/decisions/" + kind)
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("type", equalTo("urn:hamyar:problem:invalid-input"))
                .body("errors.field", hasItem(field))
                .extract()
                .asString();

        assertThat(problem).doesNotContain(CANARY).doesNotContain("Exception").doesNotContain("at ir.hamyar");
        assertThat(Records.countForSubject(dataSource, ref)).isZero();
    }

    private static Arguments family(String description, String field, UnaryOperator<ObjectNode> change) {
        return Arguments.of(description, field, change);
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    private static ObjectNode thirtyOneMembers(ObjectNode body) {
        for (int i = 3; i < 31; i++) {
            Fixtures.with(
                    body,
                    "/members/" + i,
                    "{\"ref\":\"c" + i + "\",\"role\":\"CHILD\",\"sex\":\"FEMALE\",\"birthDate\":\"2010-01-01\"}");
        }
        return body;
    }

    private static ObjectNode fiftyOneGroupMembers(ObjectNode body) {
        for (int i = 1; i < 51; i++) {
            Fixtures.with(
                    body,
                    "/members/" + i,
                    "{\"ref\":\"y" + i + "\",\"birthDate\":\"2007-01-01\",\"careStatus\":\"DISCHARGED\"}");
        }
        return body;
    }
}
