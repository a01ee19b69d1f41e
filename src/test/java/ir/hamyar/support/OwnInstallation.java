package ir.hamyar.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import ir.hamyar.privacy.PrivacyConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A second installation, as an organisation would run it: a database of its own, OpenID Connect on against
 * {@link TestIdentityProvider} (its configured users kept beside it), and a master key rotated (the test key is
 * the previous one). One profile for these tests, so the suite starts the service once for all of them.
 */
public class OwnInstallation implements QuarkusTestProfile {

    /** The master key of every other test (application.properties, %test). */
    public static final String PREVIOUS_MASTER_KEY = "0000000000000000000000000000000000000000000000000000000000000075";

    public static final String MASTER_KEY = "4e".repeat(32);

    @Override
    public Map<String, String> getConfigOverrides() {
        String issuer = TestIdentityProvider.running().issuer();
        String database = OwnDatabases.named("hamyar_installation_");
        return Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url", OwnDatabases.SERVER + database),
                Map.entry("hamyar.audit.checkpoint.file", "target/" + database + "-checkpoints.jsonl"),
                Map.entry("hamyar.privacy.master-key", MASTER_KEY),
                Map.entry("hamyar.privacy.previous-master-keys", PREVIOUS_MASTER_KEY),
                Map.entry("quarkus.oidc.tenant-enabled", "true"),
                Map.entry("quarkus.oidc.auth-server-url", issuer),
                Map.entry("quarkus.oidc.client-id", TestIdentityProvider.AUDIENCE),
                Map.entry("quarkus.oidc.credentials.secret", "test-client-secret"),
                Map.entry("quarkus.oidc.token.audience", TestIdentityProvider.AUDIENCE),
                Map.entry("quarkus.oidc.token.issuer", issuer));
    }

    /** The privacy configuration of a service that knows {@code masterKey} alone, to seal or open as it would. */
    public static PrivacyConfig onlyMasterKey(String masterKey) {
        return new PrivacyConfig() {
            @Override
            public Optional<String> masterKey() {
                return Optional.of(masterKey);
            }

            @Override
            public Optional<List<String>> previousMasterKeys() {
                return Optional.empty();
            }
        };
    }
}
