package ir.hamyar.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.OwnInstallation;
import ir.hamyar.support.TestIdentityProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens from the identity provider: a valid one decides, recording the user and the organisation its claims
 * name; an expired one, one signed with another key, one for another audience or from another issuer is a 401
 * problem+json like a wrong password; the configured users' HTTP Basic keeps working beside them.
 */
@QuarkusTest
@TestProfile(OwnInstallation.class)
class OidcTokenTest {

    private static final TestIdentityProvider IDP = TestIdentityProvider.running();

    @Test
    void aValidTokenDecidesAndItsClaimsNameTheCallerAndHerOrganisation() {
        String decision = given().auth()
                .preemptive()
                .oauth2(IDP.token("maryam.k", "centre-shiraz", "intake", "offline_access"))
                .contentType("application/json")
                .body(Fixtures.unique("helper.json").toString())
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        Api.as("auditor")
                .get("/api/v1/audit/decisions/" + decision)
                .then()
                .statusCode(200)
                .body("caller", equalTo("maryam.k"))
                .body("organisation", equalTo("centre-shiraz"));
        given().auth()
                .preemptive()
                .oauth2(IDP.token("maryam.k", "safe-house-tehran", "intake"))
                .get("/api/v1/decisions/" + decision)
                .then()
                .statusCode(404); // another organisation's token does not see it
        Api.asIntake()
                .body(Fixtures.unique("helper.json").toString())
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(200); // HTTP Basic still works beside the tokens
    }

    /** Failed before the change: a token with no organisation claim read every organisation. */
    @Test
    void anAuditorsOrManagersTokenWithoutAnOrganisationIs401AndOnlyAStarSeesEveryOrganisation() {
        for (String role : List.of("auditor", "manager")) {
            given().auth()
                    .preemptive()
                    .oauth2(IDP.token("anonymous-" + role, null, role))
                    .get("/api/v1/reports/safehouse")
                    .then()
                    .statusCode(401)
                    .contentType(Api.PROBLEM_JSON);
            given().auth()
                    .preemptive()
                    .oauth2(IDP.token("every-" + role, "*", role))
                    .get("/api/v1/reports/safehouse")
                    .then()
                    .statusCode(200)
                    .body("organisation", equalTo("*"));
        }
        given().auth()
                .preemptive()
                .oauth2(IDP.token("policy-officer", null, "policy"))
                .get("/api/v1/rulesets")
                .then()
                .statusCode(200); // installation-wide roles need no organisation
    }

    @Test
    void anExpiredForeignMisaddressedOrMisissuedTokenIs401() {
        for (String token : List.of(
                IDP.expired("intake", "safe-house-tehran", "intake"),
                IDP.signedByAnotherKey("intake", "safe-house-tehran", "intake"),
                IDP.forAudience("another-service", "intake", "safe-house-tehran", "intake"),
                IDP.fromIssuer("http://127.0.0.1:1/realms/other", "intake", "safe-house-tehran", "intake"),
                IDP.token("intake", "no/such organisation!", "intake"),
                "not-a-token")) {
            given().auth()
                    .preemptive()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(Fixtures.unique("helper.json").toString())
                    .post("/api/v1/decisions/helper")
                    .then()
                    .statusCode(401)
                    .contentType(Api.PROBLEM_JSON)
                    .body("type", equalTo("urn:hamyar:problem:unauthorized"));
        }
    }
}
