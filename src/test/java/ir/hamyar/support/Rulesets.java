package ir.hamyar.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;
import ir.hamyar.engine.RuleTree;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ruleset versions through the API, as policy staff use it. Every draft a test makes carries a unique marker in
 * {@code README.md}, so that it is new on every run against the long-lived test database.
 */
public final class Rulesets {

    public static final String POLICY = "policy";

    private Rulesets() {}

    public static int active() {
        return Api.as(POLICY)
                .get("/api/v1/rulesets/active")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
    }

    /** The version holding exactly the shipped rules (what the test profile activates at startup). */
    public static int shipped() {
        String sha256 = RuleTrees.shipped().sha256();
        List<Map<String, Object>> versions = Api.as(POLICY)
                .get("/api/v1/rulesets")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        return versions.stream()
                .filter(version -> sha256.equals(version.get("sha256")))
                .map(version -> (Integer) version.get("version"))
                .findFirst()
                .orElseThrow();
    }

    /** Makes the shipped rules active again if a test left another version active. */
    public static void restoreShipped() {
        int shipped = shipped();
        if (active() != shipped) {
            activate(shipped, "test cleanup: back to the shipped rules").statusCode(200);
        }
    }

    /** Changes on top of {@code base}, with a README marker that makes the tree new. */
    public static ObjectNode changes(int base, Map<String, String> files) {
        ObjectNode body = Fixtures.JSON.createObjectNode();
        body.put("baseVersion", base);
        ObjectNode changed = body.putObject("files");
        files.forEach(changed::put);
        changed.put("README.md", marked(RuleTrees.shipped()));
        body.put("comment", "test draft");
        return body;
    }

    public static String marked(RuleTree tree) {
        return tree.text("README.md") + "\n<!-- test draft " + UUID.randomUUID() + " -->\n";
    }

    public static ValidatableResponse draft(ObjectNode changes) {
        return Api.as(POLICY)
                .body(changes.toString())
                .when()
                .post("/api/v1/rulesets")
                .then();
    }

    public static ValidatableResponse activate(int version, String comment) {
        return Api.as(POLICY)
                .body("{\"comment\":\"" + comment + "\"}")
                .when()
                .post("/api/v1/rulesets/" + version + "/activate")
                .then();
    }

    public static int count() {
        return given().auth()
                .preemptive()
                .basic(POLICY, POLICY + "-test")
                .get("/api/v1/rulesets")
                .then()
                .extract()
                .path("size()");
    }
}
