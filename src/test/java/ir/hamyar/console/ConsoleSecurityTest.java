package ir.hamyar.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import ir.hamyar.security.ConsoleSessions;
import ir.hamyar.support.Api;
import ir.hamyar.support.RuleTrees;
import ir.hamyar.support.Rulesets;
import ir.hamyar.support.Zips;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's doors over plain HTTP: sign-in, the session and CSRF cookies, the headers of its pages. */
@QuarkusTest
class ConsoleSecurityTest {

    @Test
    void theRootAndEveryPageLeadAnonymousVisitorsToSignIn() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/console/"));
        given().redirects()
                .follow(false)
                .get("/console/versions")
                .then()
                .statusCode(302)
                .header("Location", endsWith("/console/login"));
        given().get("/console/login")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"fa\" dir=\"rtl\">"));
    }

    @Test
    void aWrongPasswordIsSentBackToSignInWithoutASession() {
        String csrf = csrfOfTheSignInPage();
        Response refused = given().redirects()
                .follow(false)
                .cookie(ConsoleRequest.CSRF_COOKIE, csrf)
                .formParams(Map.of("j_username", "policy", "j_password", "wrong"))
                .post("/console/j_security_check?csrf=" + csrf);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/console/login?error=1");
        assertThat(refused.getCookie(ConsoleResource.SESSION_COOKIE)).isNull();
    }

    @Test
    void consolePagesCarryTheirSecurityHeadersAndCookies() {
        Map<String, String> session = signIn("policy");
        Response page = given().cookies(session).get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline")
                .contains("frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        String csrfCookie = page.headers().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(ConsoleRequest.CSRF_COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertThat(csrfCookie).contains("HTTPOnly").contains("SameSite=Strict");
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() {
        Map<String, String> session = signIn("policy");
        String csrf = given().cookies(session).get("/console/").getCookie(ConsoleRequest.CSRF_COOKIE);
        int versions = Rulesets.count();
        for (String token : new String[] {null, "forged-" + csrf}) {
            var request = given().cookies(session)
                    .cookie(ConsoleRequest.CSRF_COOKIE, csrf)
                    .formParam("value", "15")
                    .formParam("from", "1405/01/01");
            if (token != null) {
                request.formParam(ConsoleRequest.CSRF_FIELD, token);
            }
            request.post("/console/policy/parameters/safehouse.sonMaxAge")
                    .then()
                    .statusCode(403)
                    .contentType(containsString("text/html"))
                    .body(containsString("id=\"problem\""));
        }
        assertThat(Rulesets.count()).isEqualTo(versions);
    }

    @Test
    void aZipUploadAndAFileDeletionEachMakeANewVersion() {
        Map<String, String> session = signIn("policy");
        String csrf = given().cookies(session).get("/console/").getCookie(ConsoleRequest.CSRF_COOKIE);
        byte[] zip = Zips.of(RuleTrees.shippedWith("README.md", Rulesets.marked(RuleTrees.shipped()))
                .files());
        String uploaded = given().cookies(session)
                .cookie(ConsoleRequest.CSRF_COOKIE, csrf)
                .redirects()
                .follow(false)
                .multiPart("archive", "rules.zip", zip, "application/zip")
                .multiPart("comment", "a whole tree")
                .multiPart(ConsoleRequest.CSRF_FIELD, csrf)
                .post("/console/versions/upload")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        int version = Integer.parseInt(uploaded.replaceAll(".*/console/versions/", ""));
        Api.as("policy")
                .get("/api/v1/rulesets/" + version)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("comment", equalTo("a whole tree"))
                .body("source", equalTo("console upload"));

        String deleted = given().cookies(session)
                .cookie(ConsoleRequest.CSRF_COOKIE, csrf)
                .redirects()
                .follow(false)
                .formParam("path", "README.md")
                .formParam("delete", "1")
                .formParam(ConsoleRequest.CSRF_FIELD, csrf)
                .post("/console/versions/" + version + "/files")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        int withoutReadme = Integer.parseInt(deleted.replaceAll(".*/console/versions/", ""));
        Api.as("policy")
                .get("/api/v1/rulesets/" + withoutReadme + "/files/README.md")
                .then()
                .statusCode(404);
    }

    @Test
    void theConsoleSessionDoesNotOpenTheApi() {
        Map<String, String> session = signIn("policy");
        given().cookies(session)
                .get("/api/v1/rulesets")
                .then()
                .statusCode(401)
                .body("type", equalTo("urn:hamyar:problem:unauthorized"));
    }

    /**
     * Failed before the change: a sign-in posted from another site (no token, or another browser's) made a session
     * with the attacker's account (login CSRF).
     */
    @Test
    void aSignInWithoutThisBrowsersTokenIsRefusedBeforeAnyPasswordIsChecked() {
        String csrf = csrfOfTheSignInPage();
        for (String action : List.of("/console/j_security_check", "/console/j_security_check?csrf=" + "A".repeat(43))) {
            Response refused = given().redirects()
                    .follow(false)
                    .cookie(ConsoleRequest.CSRF_COOKIE, csrf)
                    .formParams(Map.of("j_username", "policy", "j_password", "policy-test"))
                    .post(action);
            assertThat(refused.statusCode()).as(action).isEqualTo(303);
            assertThat(refused.header("Location")).endsWith("/console/login?error=1");
            assertThat(refused.getCookie(ConsoleResource.SESSION_COOKIE))
                    .as(action)
                    .isNull();
        }
        assertThat(given().get("/console/login").asString()).contains("j_security_check?csrf=");
    }

    /** Failed before the change: a copy of the session cookies taken before sign-out kept opening pages after. */
    @Test
    void aCopyOfTheSessionTakenBeforeSignOutOpensNothingAfterIt() {
        Map<String, String> copy = signIn("manager");
        given().cookies(copy).redirects().follow(false).get("/console/").then().statusCode(200);
        String csrf = given().cookies(copy).get("/console/").getCookie(ConsoleRequest.CSRF_COOKIE);

        given().cookies(copy)
                .cookie(ConsoleRequest.CSRF_COOKIE, csrf)
                .redirects()
                .follow(false)
                .formParam(ConsoleRequest.CSRF_FIELD, csrf)
                .post("/console/logout")
                .then()
                .statusCode(303);

        given().cookies(copy)
                .redirects()
                .follow(false)
                .get("/console/")
                .then()
                .statusCode(302)
                .header("Location", endsWith("/console/login"));
        Map<String, String> again = signIn("manager");
        given().cookies(again).redirects().follow(false).get("/console/").then().statusCode(200);
    }

    /** The CSRF token the sign-in page gives a new browser, in its cookie. */
    private static String csrfOfTheSignInPage() {
        String csrf = given().get("/console/login").getCookie(ConsoleRequest.CSRF_COOKIE);
        assertThat(csrf).hasSize(43);
        return csrf;
    }

    private static Map<String, String> signIn(String user) {
        String csrf = csrfOfTheSignInPage();
        Response signedIn = given().redirects()
                .follow(false)
                .cookie(ConsoleRequest.CSRF_COOKIE, csrf)
                .formParams(Map.of("j_username", user, "j_password", user + "-test"))
                .post("/console/j_security_check?csrf=" + csrf);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String session = signedIn.getCookie(ConsoleResource.SESSION_COOKIE);
        assertThat(session).isNotEmpty();
        String began = signedIn.getCookie(ConsoleSessions.COOKIE);
        assertThat(began).as("the signed cookie of when the session began").isNotEmpty();
        return Map.of(ConsoleResource.SESSION_COOKIE, session, ConsoleSessions.COOKIE, began);
    }
}
