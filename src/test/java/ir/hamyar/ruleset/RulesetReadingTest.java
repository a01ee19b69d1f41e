package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.RuleTrees;
import ir.hamyar.support.Rulesets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Versions, their files and the differences between two of them, as policy staff and auditors read them. */
@QuarkusTest
class RulesetReadingTest {

    @Test
    void theActiveVersionIsListedWithItsMetadataAndFiles() {
        int active = Rulesets.active();
        Api.as("auditor")
                .get("/api/v1/rulesets")
                .then()
                .statusCode(200)
                .body("find { it.version == " + active + " }.status", equalTo("ACTIVE"))
                .body(
                        "find { it.version == " + active + " }.sha256",
                        equalTo(RuleTrees.shipped().sha256()))
                .body("find { it.version == " + active + " }.activatedAt", notNullValue());
        Api.as("policy")
                .get("/api/v1/rulesets/active")
                .then()
                .statusCode(200)
                .body("version", equalTo(active))
                .body("createdBy", notNullValue())
                .body("createdAt", notNullValue())
                .body("files.path", hasItem("safehouse/parameters.yaml"))
                .body("files.size()", equalTo(RuleTrees.shipped().files().size()));
    }

    @Test
    void oneFileIsItsExactText() {
        byte[] text = Api.as("auditor")
                .get("/api/v1/rulesets/active/files/safehouse/parameters.yaml")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .extract()
                .asByteArray();

        assertThat(text).isEqualTo(RuleTrees.shipped().files().get("safehouse/parameters.yaml"));
        Api.as("auditor")
                .get("/api/v1/rulesets/active/files/safehouse/nothing.drl")
                .then()
                .statusCode(404)
                .contentType(Api.PROBLEM_JSON);
        Api.as("auditor").get("/api/v1/rulesets/999999").then().statusCode(404);
        Api.as("auditor").get("/api/v1/rulesets/latest").then().statusCode(404);
    }

    @Test
    void theDiffShowsEachChangedFileAsAUnifiedDiff() {
        int base = Rulesets.active();
        String parameters =
                new String(RuleTrees.shipped().files().get("safehouse/parameters.yaml"), StandardCharsets.UTF_8);
        int draft = Rulesets.draft(Rulesets.changes(
                        base,
                        Map.of(
                                "safehouse/parameters.yaml",
                                parameters.replace(
                                        "Standard residential stay in Solar Hijri months",
                                        "Standard residential stay, in Solar Hijri months"))))
                .statusCode(201)
                .extract()
                .path("version");

        Api.as("auditor")
                .get("/api/v1/rulesets/" + base + "/diff/" + draft)
                .then()
                .statusCode(200)
                .body("from", equalTo(base))
                .body("to", equalTo(draft))
                .body("files.path", equalTo(List.of("README.md", "safehouse/parameters.yaml")))
                .body("files[1].change", equalTo("MODIFIED"))
                .body(
                        "files[1].diff",
                        containsString("-    en: \"Standard residential stay in Solar Hijri months\"\n"
                                + "+    en: \"Standard residential stay, in Solar Hijri months\"\n"))
                .body(
                        "files[1].diff",
                        containsString("--- a/safehouse/parameters.yaml\n+++ b/safehouse/parameters.yaml"));
        String patch = Api.as("auditor")
                .accept("text/x-diff")
                .get("/api/v1/rulesets/" + base + "/diff/" + draft)
                .then()
                .statusCode(200)
                .contentType(containsString("text/x-diff"))
                .extract()
                .asString();
        assertThat(patch).contains("+++ b/README.md").contains("@@ ");
    }
}
