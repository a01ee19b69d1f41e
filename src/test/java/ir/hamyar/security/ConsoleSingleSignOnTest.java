package ir.hamyar.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import ir.hamyar.support.OwnInstallation;
import ir.hamyar.support.TestIdentityProvider;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in at the identity provider (OpenID Connect's authorization-code flow), as a browser follows it:
 * the sign-in page offers it, the provider sends her back signed in with her name, roles and organisation from its
 * tokens, the console's pages follow her role, and that session opens nothing of the API.
 */
@QuarkusTest
@TestProfile(OwnInstallation.class)
class ConsoleSingleSignOnTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAuditorSignsInAtTheIdentityProviderAndUsesTheConsoleByHerRole() throws Exception {
        HttpClient browser = browser();
        assertThat(get(browser, "console/login").body()).contains("id=\"sign-in-sso\"");

        TestIdentityProvider.running().nextSignIn("sara.auditor", "*", "auditor", "offline_access");
        HttpResponse<String> home = get(browser, "console/sso");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/console/");
        assertThat(home.body()).contains("sara.auditor");

        HttpResponse<String> decisions = get(browser, "console/audit/decisions");
        assertThat(decisions.statusCode()).isEqualTo(200);
        assertThat(decisions.uri().getPath()).isEqualTo("/console/audit/decisions");
        assertThat(get(browser, "api/v1/audit/verify").statusCode())
                .as("the console's session opens nothing of the API")
                .isEqualTo(401);
    }

    @Test
    void aPolicyOfficerSignedInThereIsRefusedTheAuditorsPages() throws Exception {
        HttpClient browser = browser();
        TestIdentityProvider.running().nextSignIn("reza.policy", null, "policy");
        assertThat(get(browser, "console/sso").body()).contains("reza.policy");
        assertThat(get(browser, "console/audit/decisions").statusCode()).isEqualTo(403);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
