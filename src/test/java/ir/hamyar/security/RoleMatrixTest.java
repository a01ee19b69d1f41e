package ir.hamyar.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract's role matrix: every endpoint, called anonymously and as each role, is refused (401 without
 * credentials, 403 for a role without the right) or let through to its own answer. Calls that would change something
 * carry a body the endpoint refuses, so that the matrix changes nothing.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final List<String> USERS = List.of("intake", "policy", "auditor");

    static Stream<Arguments> endpoints() {
        return Stream.of(
                endpoint("POST", "/api/v1/decisions/family", "{}", "intake"),
                endpoint("POST", "/api/v1/decisions/group", "{}", "intake"),
                endpoint("POST", "/api/v1/decisions/helper", "{}", "intake"),
                endpoint("POST", "/api/v1/decisions/batch", "{}", "intake"),
                endpoint("GET", "/api/v1/decisions/" + ID, null, "intake", "auditor"),
                endpoint("GET", "/api/v1/rulesets", null, "policy", "auditor"),
                endpoint("GET", "/api/v1/rulesets/active", null, "policy", "auditor"),
                endpoint("GET", "/api/v1/rulesets/active/files/README.md", null, "policy", "auditor"),
                endpoint("GET", "/api/v1/rulesets/active/archive", null, "policy", "auditor"),
                endpoint("GET", "/api/v1/rulesets/active/diff/active", null, "policy", "auditor"),
                endpoint("GET", "/api/v1/rulesets/active/indicators", null, "intake", "policy", "auditor"),
                endpoint("GET", "/api/v1/rulesets/active/rules", null, "policy", "auditor"),
                endpoint("POST", "/api/v1/rulesets", "{}", "policy"),
                endpoint("POST", "/api/v1/rulesets/1/activate", "{}", "policy"),
                endpoint("POST", "/api/v1/rulesets/1/impact", "{\"limit\":0}", "policy", "auditor"),
                endpoint("GET", "/api/v1/audit/decisions", null, "auditor"),
                endpoint("GET", "/api/v1/audit/decisions/" + ID, null, "auditor"),
                endpoint("POST", "/api/v1/audit/decisions/" + ID + "/replay", null, "auditor"),
                endpoint("GET", "/api/v1/audit/verify", null, "auditor"),
                endpoint("GET", "/api/v1/audit/rules", null, "auditor"),
                endpoint("GET", "/api/v1/audit/events", null, "auditor"),
                endpoint("GET", "/api/v1/audit/failures", null, "auditor"),
                endpoint("GET", "/api/v1/audit/failures/" + ID, null, "auditor"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void onlyTheContractsRolesGetThrough(String method, String path, String body, Set<String> allowed) {
        assertThat(call(given(), method, path, body)).as("anonymous").isEqualTo(401);
        for (String user : USERS) {
            int status = call(given().auth().preemptive().basic(user, user + "-test"), method, path, body);
            if (allowed.contains(user)) {
                assertThat(status).as(user).isNotIn(401, 403);
            } else {
                assertThat(status).as(user).isEqualTo(403);
            }
        }
        int admin = call(given().auth().preemptive().basic("admin", "admin-test"), method, path, body);
        assertThat(admin).as("admin may do everything").isNotIn(401, 403);
    }

    private static int call(RequestSpecification request, String method, String path, String body) {
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        return request.request(method, path).statusCode();
    }

    private static Arguments endpoint(String method, String path, String body, String... allowed) {
        return Arguments.of(method, path, body, Set.of(allowed));
    }
}
