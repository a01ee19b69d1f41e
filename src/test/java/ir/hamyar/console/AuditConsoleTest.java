package ir.hamyar.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import ir.hamyar.calendar.IranTime;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.support.Api;
import ir.hamyar.support.Browser;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.TwoOrganisationsProfile;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Auditors and programme managers in headless Chromium, in Persian, through the real service and PostgreSQL: an
 * auditor of organisation A finds a mother's decision by her family's ref and a Solar Hijri day, reads why she was
 * not given a residential place and which rules fired in which order, replays it, sees the chain valid and her own
 * looks on the list, and finds nothing of organisation B; a manager of A sees the re-tiering of a family decided
 * twice as a "<5" cell and no way to any family's record.
 */
@QuarkusTest
@TestProfile(TwoOrganisationsProfile.class)
class AuditConsoleTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAuditorExplainsReplaysAndProvesAMothersDecisionInPersian() {
        ObjectNode mother = Fixtures.unique("family-day-services.json");
        String ref = mother.path("familyRef").asText();
        JsonPath answer = Api.decide("intake", mother);
        String decisionId = answer.getString("decisionId");
        String refused = answer.getString("conclusions.find { it.type == 'SAFE_HOUSE' }.value");
        assertThat(refused).isNotEqualTo("RESIDENTIAL");
        String ofB = Api.decide("intake2", Fixtures.unique("helper.json"))
                .getString("subjectRef"); // B's families: ReportsTest's
        String today = SolarHijri.of(IranTime.today()).toString().replace('-', '/');

        try (Browser auditor = new Browser(base.toString())) {
            auditor.signIn("auditor-a")
                    .open("/console/audit/decisions")
                    .type("#subjectRef", ref)
                    .type("#from", persianDigits(today))
                    .type("#to", persianDigits(today))
                    .submit("#search");
            assertThat(auditor.all("#results tbody tr")).hasSize(1);
            assertThat(auditor.text("#results")).contains("SAFE_HOUSE=" + refused);
            auditor.screenshot("audit-find-fa");

            auditor.submit("#results tbody tr a");
            assertThat(auditor.url()).endsWith("/console/audit/decisions/" + decisionId);
            String safeHouse = "li.conclusion[data-type='SAFE_HOUSE']";
            assertThat(auditor.attribute(safeHouse, "data-value")).isEqualTo(refused);
            WebElement conclusion = auditor.find(safeHouse);
            assertThat(conclusion.findElement(By.cssSelector(".reason-fa")).getText())
                    .isEqualTo(answer.getString("conclusions.find { it.type == 'SAFE_HOUSE' }.reason.fa"));
            assertThat(conclusion.findElement(By.cssSelector(".reason-en")).getText())
                    .isEqualTo(answer.getString("conclusions.find { it.type == 'SAFE_HOUSE' }.reason.en"));
            String rule = answer.getString("conclusions.find { it.type == 'SAFE_HOUSE' }.rule");
            assertThat(conclusion.findElement(By.cssSelector("a.rule-link")).getAttribute("href"))
                    .contains("/console/versions/" + answer.getInt("ruleset.version") + "/files/safehouse/")
                    .endsWith("#rule-" + rule.substring(rule.indexOf('/') + 1));
            List<String> fired = auditor.all("#fired li").stream()
                    .map(item -> item.getAttribute("data-rule"))
                    .toList();
            assertThat(fired).isEqualTo(answer.getList("firedRules.rule"));
            assertThat(auditor.text("#organisation")).isEqualTo(TwoOrganisationsProfile.A);
            auditor.resize(1280, 2000).screenshot("audit-record-fa");
            auditor.resize(1280, 800);

            auditor.clickAndWaitFor("#replay-button", "#replay-result");
            assertThat(auditor.attribute("#replay-result", "data-identical")).isEqualTo("true");
            assertThat(auditor.text("#replay-result")).contains("یکسان");
            auditor.screenshot("audit-replay-fa", "#replay");

            auditor.open("/console/audit/decisions/" + decisionId + "/print");
            assertThat(auditor.has("#replay")).isFalse();
            assertThat(auditor.text("#printed")).contains("auditor-a");

            auditor.open("/console/audit/proof");
            assertThat(auditor.attribute("#chain", "data-valid")).isEqualTo("true");
            assertThat(auditor.text("#openssl")).contains("openssl dgst -sha256 -hmac");
            auditor.screenshot("audit-proof-fa");

            auditor.open("/console/audit/reads?decisionId=" + decisionId);
            assertThat(auditor.all("#reads tbody tr").stream()
                            .map(row -> row.getAttribute("data-action"))
                            .toList())
                    .containsExactly("READ", "READ", "REPLAY", "READ");
            assertThat(auditor.text("#reads")).contains("auditor-a").contains(TwoOrganisationsProfile.A);
            auditor.screenshot("audit-reads-fa");

            auditor.open("/console/audit/decisions").type("#subjectRef", ofB).submit("#search");
            assertThat(auditor.has("#no-results")).isTrue();

            auditor.open("/console/en").open("/console/audit/decisions/" + decisionId);
            assertThat(auditor.text("#conclusions-heading")).isEqualTo("What was concluded, and why");
            auditor.resize(1280, 2000).screenshot("audit-record-en");
            auditor.resize(1280, 800).open("/console/language/fa?to=%2Fconsole%2F");

            auditor.open("/console/audit/rules");
            assertThat(auditor.all("#rules tr.never-fired")).isNotEmpty();
            assertThat(auditor.text("#rules")).contains(rule);
            assertThat(auditor.text(
                            "#rules tr[data-rule='tiering/FewerAnsweredIndicatorsThanTheCoverageLineIsInsufficientData']"
                                    + " .badge.provenance"))
                    .isEqualTo("فرض");
            auditor.screenshot("audit-rules-fa");
        }
    }

    @Test
    void aManagerSeesReTieringWithoutSeeingAFamily() {
        ObjectNode family = Fixtures.tieredFamily(1);
        String first = tier(Api.decide("intake", family));
        ((ObjectNode) family.path("indicators")).put("SAFETY", 3);
        String latest = tier(Api.decide("intake", family));
        assertThat(latest).isNotEqualTo(first);
        String decisionId = Api.decide("intake", Fixtures.unique("helper.json")).getString("decisionId");

        try (Browser manager = new Browser(base.toString())) {
            manager.signIn("manager-a").open("/console/");
            assertThat(manager.has("#tile-reports")).isTrue();
            manager.open("/console/reports");
            assertThat(manager.text("#scope-organisation")).isEqualTo(TwoOrganisationsProfile.A);
            String cell = "#transitions-table tr[data-first='" + first + "'] td[data-latest='" + latest + "']";
            assertThat(manager.text(cell)).isEqualTo("<۵");
            assertThat(manager.all("svg.chart")).hasSize(4);
            assertThat(manager.all("#visits-table tbody tr")).isNotEmpty();
            assertThat(manager.text("#visits-table thead")).contains("هدف ماهانه");
            manager.screenshot("reports-visits-fa", "#visits-report");
            assertThat(manager.all("a").stream()
                            .map(link -> String.valueOf(link.getAttribute("href")))
                            .filter(href -> href.contains("/console/audit") || href.contains("/console/decisions")))
                    .isEmpty();
            manager.resize(1280, 2300).screenshot("reports-fa");

            manager.open("/console/audit/decisions/" + decisionId);
            assertThat(manager.attribute("#problem", "data-status")).isEqualTo("403");
        }
        Api.as("manager-a").get("/api/v1/decisions/" + decisionId).then().statusCode(403);
        Api.as("manager-a").get("/api/v1/audit/decisions/" + decisionId).then().statusCode(403);
    }

    private static String persianDigits(String latin) {
        StringBuilder persian = new StringBuilder();
        latin.chars().forEach(ch -> persian.append(Character.isDigit(ch) ? (char) ('۰' + ch - '0') : (char) ch));
        return persian.toString();
    }

    private static String tier(JsonPath decision) {
        return decision.getString("conclusions.find { it.type == 'TIER' }.value");
    }
}
