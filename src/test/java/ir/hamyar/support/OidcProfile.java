package ir.hamyar.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service with OpenID Connect enabled against {@link TestIdentityProvider}, its configured users kept too. */
public class OidcProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String issuer = TestIdentityProvider.running().issuer();
        return Map.of(
                "quarkus.oidc.tenant-enabled",
                "true",
                "quarkus.oidc.auth-server-url",
                issuer,
                "quarkus.oidc.client-id",
                TestIdentityProvider.AUDIENCE,
                "quarkus.oidc.credentials.secret",
                "test-client-secret",
                "quarkus.oidc.token.audience",
                TestIdentityProvider.AUDIENCE,
                "quarkus.oidc.token.issuer",
                issuer);
    }
}
