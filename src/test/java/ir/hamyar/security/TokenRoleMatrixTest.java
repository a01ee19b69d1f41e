package ir.hamyar.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import ir.hamyar.support.OwnInstallation;
import ir.hamyar.support.TestIdentityProvider;
import java.util.Map;

/**
 * The same role matrix with a bearer token from the identity provider for each role (its realm role, its organisation
 * claim as the configured user of that role has it), with HTTP Basic still enabled beside it.
 */
@QuarkusTest
@TestProfile(OwnInstallation.class)
class TokenRoleMatrixTest extends RoleMatrixTest {

    private static final Map<String, String> ORGANISATIONS =
            Map.of("intake", "safe-house-tehran", "auditor", "*", "manager", "*");

    @Override
    RequestSpecification as(String role) {
        String token = TestIdentityProvider.running().token("sso-" + role, ORGANISATIONS.get(role), role);
        return given().auth().preemptive().oauth2(token);
    }
}
