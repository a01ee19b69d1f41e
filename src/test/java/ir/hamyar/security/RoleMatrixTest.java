package ir.hamyar.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract's role matrix: every endpoint, called anonymously and as each role, is refused (401 without
 * credentials, 403 for a role without the right) or let through to its own answer, which is checked exactly (a 500
 * or a 404 of a wrong route is not "let through"). Decisions are asked for with valid profiles and read back by the
 * id of one the intake user made; calls that would change the policy (a new draft, an activation) carry a body the
 * endpoint refuses with 400, so that the matrix leaves the rulesets as they were.
 */
@QuarkusTest
class RoleMatrixTest {

    /** Stands in a path for the id of a decision the intake user made, so that reading it is answered 200. */
    private static final String DECISION = "{decision}";

    private static final String UNKNOWN = UUID.randomUUID().toString();
    private static final List<String> USERS = List.of("intake", "policy", "auditor", "manager");

    private static String decisionId;

    static Stream<Arguments> endpoints() {
        return Stream.of(
                endpoint("POST", "/api/v1/decisions/family", "family-safehouse.json", 200, "intake"),
                endpoint("POST", "/api/v1/decisions/group", "group.json", 200, "intake"),
                endpoint("POST", "/api/v1/decisions/helper", "helper.json", 200, "intake"),
                endpoint("POST", "/api/v1/decisions/batch", "batch", 200, "intake"),
                endpoint("GET", "/api/v1/decisions/" + DECISION, null, 200, "intake", "auditor"),
                endpoint("POST", "/api/v1/decisions/" + DECISION + "/overrides", "{}", 400, "intake"),
                endpoint("GET", "/api/v1/audit/overrides", null, 200, "auditor"),
                endpoint("GET", "/api/v1/rulesets", null, 200, "policy", "auditor"),
                endpoint("GET", "/api/v1/rulesets/active", null, 200, "policy", "auditor"),
                endpoint("GET", "/api/v1/rulesets/active/files/README.md", null, 200, "policy", "auditor"),
                endpoint("GET", "/api/v1/rulesets/active/archive", null, 200, "policy", "auditor"),
                endpoint("GET", "/api/v1/rulesets/active/diff/active", null, 200, "policy", "auditor"),
                endpoint("GET", "/api/v1/rulesets/active/indicators", null, 200, "intake", "policy", "auditor"),
                endpoint("GET", "/api/v1/rulesets/active/rules", null, 200, "policy", "auditor"),
                endpoint("POST", "/api/v1/rulesets", "{}", 400, "policy"),
                endpoint("POST", "/api/v1/rulesets/1/activate", "{}", 400, "policy"),
                endpoint("POST", "/api/v1/rulesets/1/impact", "{\"limit\":1}", 200, "policy", "auditor"),
                endpoint("POST", "/api/v1/rulesets/active/evaluate/helper", "helper.json", 200, "policy"),
                endpoint("POST", "/api/v1/rulesets/1/approve", "{\"approver\":\"x\"}", 400, "policy"),
                endpoint("GET", "/api/v1/audit/decisions", null, 200, "auditor"),
                endpoint("GET", "/api/v1/audit/decisions/" + DECISION, null, 200, "auditor"),
                endpoint("POST", "/api/v1/audit/decisions/" + DECISION + "/replay", null, 200, "auditor"),
                endpoint("GET", "/api/v1/audit/verify", null, 200, "auditor"),
                endpoint("GET", "/api/v1/audit/rules", null, 200, "auditor"),
                endpoint("GET", "/api/v1/audit/events", null, 200, "auditor"),
                endpoint("GET", "/api/v1/audit/failures", null, 200, "auditor"),
                endpoint("GET", "/api/v1/audit/failures/" + UNKNOWN, null, 404, "auditor"),
                endpoint("GET", "/api/v1/audit/reads", null, 200, "auditor"),
                endpoint("GET", "/api/v1/reports/tiers", null, 200, "manager", "auditor"),
                endpoint("GET", "/api/v1/reports/transitions", null, 200, "manager", "auditor"),
                endpoint("GET", "/api/v1/reports/safehouse", null, 200, "manager", "auditor"),
                endpoint("POST", "/api/v1/subjects/T-matrix/erasure", "{}", 400));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void onlyTheContractsRolesGetThrough(String method, String path, String body, int granted, Set<String> allowed) {
        String resolved = path.replace(DECISION, decisionOfTheIntakeUser());
        assertThat(call(given(), method, resolved, body)).as("anonymous").isEqualTo(401);
        for (String user : USERS) {
            int status = call(as(user), method, resolved, body);
            assertThat(status).as(user).isEqualTo(allowed.contains(user) ? granted : 403);
        }
        int admin = call(as("admin"), method, resolved, body);
        assertThat(admin).as("admin may do everything").isEqualTo(granted);
    }

    /** A request as the user of this role (here a configured user, with HTTP Basic). */
    RequestSpecification as(String role) {
        return given().auth().preemptive().basic(role, role + "-test");
    }

    private static synchronized String decisionOfTheIntakeUser() {
        if (decisionId == null) {
            decisionId = Api.asIntake()
                    .body(Fixtures.unique("helper.json").toString())
                    .post("/api/v1/decisions/helper")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("decisionId");
        }
        return decisionId;
    }

    private static int call(RequestSpecification request, String method, String path, String body) {
        if (body != null) {
            request.contentType("application/json").body(body(body));
        }
        return request.request(method, path).statusCode();
    }

    /** A fixture's name stands for a valid profile with a new ref; "batch" for a batch of one; else the text. */
    private static String body(String body) {
        if (body.endsWith(".json")) {
            return Fixtures.unique(body).toString();
        }
        if (body.equals("batch")) {
            return "{\"items\":[{\"kind\":\"helper\",\"profile\":" + Fixtures.unique("helper.json") + "}]}";
        }
        return body;
    }

    private static Arguments endpoint(String method, String path, String body, int granted, String... allowed) {
        return Arguments.of(method, path, body, granted, Set.of(allowed));
    }
}
