package ir.hamyar.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import ir.hamyar.support.Api;
import ir.hamyar.support.Browser;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.FourEyesProfile;
import ir.hamyar.support.Rulesets;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A policy officer who has never seen curl changes the age up to which sons stay with their mother, in Persian, in
 * headless Chromium, through the real service and PostgreSQL: draft, failing scenarios and impact, the scenario mended
 * in the editor, approval by a second officer, activation, a profile tried, and rollback. Every page is checked by
 * {@link Browser} for its language and direction, browser errors and requests to other hosts.
 */
@QuarkusTest
@TestProfile(FourEyesProfile.class)
class PolicyConsoleTest {

    private static final String SON_OF_13 = "li.conclusion[data-type='ACCOMPANY'][data-subject='m2']";

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void restore() {
        Rulesets.restoreShipped();
    }

    @Test
    void theSonAgeLimitGoesFromDraftToActivationAndBackInPersian() throws IOException {
        int before = freshActiveVersion();
        decideTheFamilyWithASonOf13();
        try (Browser policy = new Browser(base.toString())) {
            policy.signIn("policy").open("/console/policy/parameters/safehouse.sonMaxAge");
            assertThat(policy.text("#value-today")).isEqualTo("۱۲");
            policy.screenshot("parameter-fa");

            policy.type("#value", "۱۴")
                    .type("#from", "۱۴۰۵/۰۱/۰۱")
                    .type("#comment", "پسران تا ۱۴ سالگی همراه مادر بمانند")
                    .submit("#make-draft");
            int rejected = versionOnPage(policy);
            assertThat(policy.attribute("#status", "class")).contains("status-REJECTED");
            assertThat(policy.text("#failed-scenarios"))
                    .contains("safehouse/admission.scenarios.yaml")
                    .contains("NOT_ALLOWED");
            policy.screenshot("draft-scenarios-fail-fa", "#report");

            policy.submit("#impact-link");
            assertThat(policy.text("#transitions")).contains("ACCOMPANY NOT_ALLOWED → ALLOWED");
            assertThat(policy.has("#changes"))
                    .as("which decisions change is for auditors")
                    .isFalse();
            assertThat(policy.text("#decisions-only-for-auditors")).contains("حسابرسان");
            policy.screenshot("impact-fa");

            policy.open("/console/versions/" + rejected + "/files/safehouse/admission.scenarios.yaml")
                    .paste("#content", fixture("admission-sons-up-to-14.scenarios.yaml"))
                    .type("#edit-comment", "سناریوها برای سقف ۱۴ سال")
                    .submit("#save-file");
            int draft = versionOnPage(policy);
            assertThat(draft).isGreaterThan(rejected);
            assertThat(policy.attribute("#status", "class")).contains("status-DRAFT");
            assertThat(policy.has("#failed-scenarios")).isFalse();
            assertThat(policy.text("#author")).isEqualTo("policy");

            policy.submit("#approve-button");
            assertThat(policy.attribute("#problem", "data-type")).isEqualTo("urn:hamyar:problem:own-draft");
            assertThat(policy.text("#problem")).contains("کاربر دیگری از بخش سیاست‌گذاری باید آن را تأیید کند");
            policy.screenshot("own-approval-refused-fa");
            policy.signOut();

            policy.signIn("policy2").open("/console/versions/" + draft).submit("#approve-button");
            assertThat(policy.text("#approvals")).contains("policy2");
            policy.signOut();

            policy.signIn("policy")
                    .open("/console/versions/" + draft)
                    .type("#activate-comment", "تأییدشده؛ از امروز اجرا شود")
                    .submit("#activate-button");
            assertThat(policy.attribute("#status", "class")).contains("status-ACTIVE");
            assertThat(Rulesets.active()).isEqualTo(draft);

            policy.open("/console/try").clickAndWaitFor("#evaluate", SON_OF_13);
            assertThat(policy.attribute(SON_OF_13, "data-value")).isEqualTo("ALLOWED");
            assertThat(policy.text("#fired-rules")).contains("safehouse/SonWithinTheAgeLimitAccompaniesHisMother");
            policy.screenshot("try-a-profile-fa", "#result");

            policy.open("/console/versions/" + before)
                    .type("#activate-comment", "بازگشت به سقف ۱۲ سال")
                    .submit("#activate-button");
            assertThat(Rulesets.active()).isEqualTo(before);
            policy.open("/console/try").clickAndWaitFor("#evaluate", SON_OF_13);
            assertThat(policy.attribute(SON_OF_13, "data-value")).isEqualTo("NOT_ALLOWED");

            policy.open("/console/versions");
            assertThat(policy.text("#events"))
                    .contains("policy2")
                    .contains("تأیید کرد")
                    .contains("فعال کرد")
                    .contains("بازگرداند");
            policy.screenshot("versions-fa");
        }
    }

    @Test
    void aCompileErrorShowsItsFileLineAndText() {
        try (Browser policy = new Browser(base.toString())) {
            policy.signIn("policy")
                    .open("/console/versions/" + Rulesets.active() + "/files/safehouse/stay.drl")
                    .paste("#content", "rule \"Broken\"\nwhen\n    Nothing(\nthen\nend\n")
                    .submit("#save-file");
            assertThat(policy.text("#not-compiled")).isNotEmpty();
            assertThat(policy.text("#compile-errors")).contains("safehouse/stay.drl:");
            assertThat(policy.attribute("#compile-errors a", "href")).matches(".*/files/safehouse/stay\\.drl#L[1-9].*");
            policy.screenshot("compile-error-fa");
        }
    }

    @Test
    void aFamilyFilledInAsAFormWithSolarHijriDatesIsDecidedAsItsProfile() {
        try (Browser policy = new Browser(base.toString())) {
            policy.signIn("policy")
                    .open("/console/try")
                    .type("[name='members[0].birthDate']", "۱۳۶۹/۰۱/۱۳")
                    .type("[name='members[1].ref']", "son")
                    .select("[name='members[1].sex']", "MALE")
                    .type("[name='members[1].birthDate']", "۱۳۹۲/۰۸/۳۰")
                    .select("#f-ind-SAFETY", "1")
                    .check("input[name='circumstances'][value='DOMESTIC_VIOLENCE']")
                    .type("#f-applicant", "m1")
                    .type("#f-admission", "۱۴۰۵/۰۸/۳۰")
                    .check("[name='safeHouse.immediateDanger']");
            policy.screenshot("family-form-fa", "#family-form");
            policy.clickAndWaitFor("#evaluate-form", "li.conclusion[data-type='ACCOMPANY'][data-subject='son']");

            assertThat(policy.attribute("li.conclusion[data-type='ACCOMPANY'][data-subject='son']", "data-value"))
                    .isEqualTo("NOT_ALLOWED");
            assertThat(policy.find("#profile").getDomProperty("value"))
                    .contains("\"birthDate\" : \"2013-11-21\"")
                    .contains("\"admissionOn\" : \"2026-11-21\"")
                    .contains("\"SAFETY\" : 1");
        }
    }

    @Test
    void aTriedProfileIsSavedAsAScenarioOfANewDraft() {
        freshActiveVersion();
        try (Browser policy = new Browser(base.toString())) {
            policy.signIn("policy").open("/console/try?kind=helper").clickAndWaitFor("#evaluate", "#save-scenario");
            String tried = policy.find("#profile").getDomProperty("value");
            String triedRef = tried.replaceAll("(?s).*\"helperRef\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            assertThat(policy.text("#scenario-invented-note")).contains("ساختگی");
            policy.type("#scenario-name", "یک همیار با ۴۰ ساعت آموزش پیش از خدمت و ۱۲ ساعت ضمن خدمت در حال آموزش است")
                    .check("#scenario-invented")
                    .submit("#save-scenario-button");
            int draft = versionOnPage(policy);
            assertThat(policy.attribute("#status", "class")).contains("status-DRAFT");
            assertThat(policy.text("#files")).contains("saved/helper.scenarios.yaml");
            policy.open("/console/versions/" + draft + "/files/saved/helper.scenarios.yaml");
            assertThat(policy.text("#listing"))
                    .contains("kind: helper")
                    .contains("۴۰ ساعت آموزش")
                    .contains("IN_SERVICE_IN_PROGRESS")
                    .as("an invented helper: a synthetic ref, the dates moved by whole years")
                    .contains("helperRef: SYN-")
                    .doesNotContain(triedRef)
                    .doesNotContain("2026-");
        }
    }

    @Test
    void thePersianPolicyPagesSayInPersianWhereEachRuleAndNumberComesFromAndFilterTheAssumptions() {
        String decisionId =
                Api.decide("intake", Fixtures.unique("family-safehouse.json")).getString("decisionId");
        String again = "article[data-rule='tiering/TieredFamilyIsTieredAgainAtTheEndOfItsYear']";
        try (Browser auditor = new Browser(base.toString())) {
            auditor.signIn("auditor").open("/console/policy");
            assertThat(auditor.text("#programmes")).contains("فرض");

            auditor.open("/console/policy/tiering");
            assertThat(auditor.text("tr[data-parameter='tiering.minCoveragePercent'] td:nth-child(2)"))
                    .isEqualTo("درصد نماگرهای مربوط که پیش از سطح‌بندی باید پاسخ داده شوند");
            assertThat(auditor.text("tr[data-parameter='tiering.minCoveragePercent'] .badge.provenance"))
                    .isEqualTo("فرض");
            assertThat(auditor.text(again + " .badge.provenance")).isEqualTo("برنامه");
            assertThat(auditor.text(again + " .provenance-detail"))
                    .contains("طرح مرکز محلی همیاری خانواده")
                    .contains("در پایان طرح");
            auditor.screenshot("programme-provenance-fa");

            auditor.submit("#assumptions-only");
            assertThat(auditor.has(again))
                    .as("a programme's rule is not an assumption")
                    .isFalse();
            assertThat(auditor.has("tr[data-parameter='tiering.minCoveragePercent']"))
                    .isTrue();
            assertThat(auditor.all("article.rule .badge.provenance"))
                    .isNotEmpty()
                    .allSatisfy(badge -> assertThat(badge.getText()).isEqualTo("فرض"));
            assertThat(auditor.text(".provenance-detail")).startsWith("چرا فرض کرده‌ایم");
            auditor.screenshot("programme-assumptions-fa");

            auditor.open("/console/policy/safehouse?show=assumptions");
            assertThat(auditor.has("tr[data-parameter='safehouse.sonMaxAge']"))
                    .as("the safe houses' own number")
                    .isFalse();
            assertThat(auditor.text("tr[data-parameter='safehouse.applicantMinAge'] .badge.provenance"))
                    .isEqualTo("فرض");

            auditor.open("/console/policy/parameters/safehouse.sonMaxAge");
            assertThat(auditor.text("#description")).contains("پسر");
            assertThat(auditor.text("#reference")).contains("خانه‌های امن بهزیستی");
            assertThat(auditor.text("#provenance")).contains("برنامه").contains("فرزندان پسر حداکثر تا سن ۱۲ سال");

            auditor.open("/console/audit/decisions/" + decisionId);
            assertThat(auditor.all(".badge.provenance")).isNotEmpty();
        }
    }

    @Test
    void englishPagesAreLeftToRightAndPersianRightToLeft() {
        try (Browser auditor = new Browser(base.toString())) {
            auditor.signIn("auditor");
            assertThat(auditor.attribute("html", "dir")).isEqualTo("rtl");
            auditor.submit("#language");
            assertThat(auditor.attribute("html", "lang")).isEqualTo("en");
            for (String page : new String[] {
                "/console/",
                "/console/policy",
                "/console/policy/safehouse",
                "/console/policy/indicators",
                "/console/versions",
                "/console/versions/" + Rulesets.active()
            }) {
                auditor.open(page);
                assertThat(auditor.attribute("html", "dir")).as(page).isEqualTo("ltr");
            }
            assertThat(auditor.has("a[href='/console/try']"))
                    .as("auditors do not try drafts")
                    .isFalse();
            auditor.open("/console/policy/parameters/safehouse.sonMaxAge");
            assertThat(auditor.text("#description")).contains("a son may stay in the safe house");
            assertThat(auditor.text("#provenance")).contains("Programme");
            assertThat(auditor.has("#change"))
                    .as("auditors read, they do not change")
                    .isFalse();
            auditor.screenshot("parameter-en");
            auditor.resize(768, 1024).open("/console/policy/safehouse");
            auditor.screenshot("programme-en-tablet");
            auditor.submit("#language");
            assertThat(auditor.attribute("html", "dir")).isEqualTo("rtl");
        }
    }

    @Test
    void aCaseworkerDecidesOtherwiseAboutOneConclusionAndSaysWhy() {
        String decision = Api.asIntake()
                .body(Fixtures.unique("family-day-services.json").toString())
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        String safeHouse = "li.conclusion[data-type='SAFE_HOUSE'][data-subject='m1']";
        try (Browser caseworker = new Browser(base.toString())) {
            caseworker.signIn("intake").type("#decision-id", decision).submit("#open-decision");
            assertThat(caseworker.attribute(safeHouse, "data-value")).isEqualTo("DAY_SERVICES");
            assertThat(caseworker.text(safeHouse + " .badge.provenance"))
                    .as("the day-services rule reads the safe houses' own words")
                    .isEqualTo("برنامه");
            caseworker.find(safeHouse + " summary").click();
            caseworker
                    .select(safeHouse + " select[name='value']", "RESIDENTIAL")
                    .type(safeHouse + " textarea[name='reason']", "مادر دیشب دوباره تهدید شد؛ پذیرش شبانه لازم است.")
                    .submit(safeHouse + " button");
            assertThat(caseworker.attribute(safeHouse, "data-value")).isEqualTo("RESIDENTIAL");
            assertThat(caseworker.text("#override-list"))
                    .contains("DAY_SERVICES")
                    .contains("RESIDENTIAL")
                    .contains("مادر دیشب دوباره تهدید شد");
            caseworker.screenshot("caseworker-override-fa", "#overrides");
            caseworker.signOut().signIn("intake2").open("/console/decisions/" + decision);
            assertThat(caseworker.attribute("#problem", "data-status")).isEqualTo("404");
        }
        Api.asIntake()
                .get("/api/v1/decisions/" + decision)
                .then()
                .statusCode(200)
                .body("overrides[0].to", org.hamcrest.Matchers.equalTo("RESIDENTIAL"))
                .body("overrides[0].overriddenBy", org.hamcrest.Matchers.equalTo("intake"));
    }

    @Test
    void anIntakeUserSeesNoPolicyPage() {
        try (Browser intake = new Browser(base.toString())) {
            intake.signIn("intake");
            assertThat(intake.has("#find-decision"))
                    .as("a caseworker's device finds its own decisions")
                    .isTrue();
            assertThat(intake.has("a[href='/console/policy']")).isFalse();
            intake.open("/console/policy");
            assertThat(intake.attribute("#problem", "data-status")).isEqualTo("403");
            intake.open("/console/versions");
            assertThat(intake.attribute("#problem", "data-status")).isEqualTo("403");
        }
    }

    /**
     * A version never seen before made active (approved by the second officer), so that every draft this test makes
     * is new even on a test database that earlier runs left their versions in.
     */
    private static int freshActiveVersion() {
        int version = Rulesets.draft(Rulesets.changes(Rulesets.active(), java.util.Map.of()))
                .statusCode(201)
                .extract()
                .path("version");
        Api.as("policy2")
                .post("/api/v1/rulesets/" + version + "/approve")
                .then()
                .statusCode(200);
        Rulesets.activate(version, "a fresh base for the console test").statusCode(200);
        return version;
    }

    private static int versionOnPage(Browser browser) {
        return Integer.parseInt(browser.url().replaceAll(".*/console/versions/(\\d+).*", "$1"));
    }

    private static void decideTheFamilyWithASonOf13() {
        Api.asIntake()
                .body(Fixtures.unique("family-safehouse.json").toString())
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PolicyConsoleTest.class.getResourceAsStream("/fixtures/console/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
