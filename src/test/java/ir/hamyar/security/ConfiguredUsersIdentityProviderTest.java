package ir.hamyar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfiguredUsersIdentityProviderTest {

    /** Throttling is LoginThrottleTest's; here every attempt is checked. */
    private static final LoginThrottleConfig UNTHROTTLED = new LoginThrottleConfig() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public int maxFailures() {
            return Integer.MAX_VALUE;
        }

        @Override
        public int maxFailuresPerAddress() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Duration window() {
            return Duration.ofMinutes(15);
        }

        @Override
        public Duration lock() {
            return Duration.ofMinutes(15);
        }

        @Override
        public int slowAfter() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Duration delayStep() {
            return Duration.ZERO;
        }

        @Override
        public Duration maxDelay() {
            return Duration.ZERO;
        }
    };

    @Test
    void acceptsHashesMadeByHtpasswdAndGivesTheConfiguredRoles() {
        String hash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, "s3cret".toCharArray());
        ConfiguredUsersIdentityProvider provider = provider(Map.of("tablet-7", user(hash, Set.of("intake"))));

        SecurityIdentity identity = login(provider, "tablet-7", "s3cret");

        assertThat(hash).startsWith("$2y$");
        assertThat(identity.getPrincipal().getName()).isEqualTo("tablet-7");
        assertThat(identity.getRoles()).containsExactly("intake");
        assertThat(login(provider, "tablet-7", "s3cret").getPrincipal().getName())
                .isEqualTo("tablet-7");
    }

    @Test
    void refusesWrongPasswordsAndUnknownUsersEvenAfterASuccessfulLogin() {
        String hash = BCrypt.withDefaults().hashToString(4, "s3cret".toCharArray());
        ConfiguredUsersIdentityProvider provider = provider(Map.of("tablet-7", user(hash, Set.of("intake"))));
        login(provider, "tablet-7", "s3cret");

        assertThatThrownBy(() -> login(provider, "tablet-7", "s3cret "))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> login(provider, "tablet-8", "s3cret"))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aUserWithAnUnknownRoleStopsStartup() {
        ConfiguredUsersIdentityProvider provider = provider(Map.of("x", user("$2a$04$x", Set.of("superuser"))));

        assertThatThrownBy(() -> provider.checkUsers(null)).hasMessageContaining("superuser");
    }

    private static SecurityIdentity login(ConfiguredUsersIdentityProvider provider, String name, String password) {
        return provider.authenticate(
                        new UsernamePasswordAuthenticationRequest(name, new PasswordCredential(password.toCharArray())),
                        supplier -> Uni.createFrom().item(supplier))
                .await()
                .indefinitely();
    }

    private static ConfiguredUsersIdentityProvider provider(Map<String, UsersConfig.User> users) {
        return new ConfiguredUsersIdentityProvider(
                () -> users, new LoginThrottle(UNTHROTTLED, new SimpleMeterRegistry()));
    }

    private static UsersConfig.User user(String hash, Set<String> roles) {
        return new UsersConfig.User() {
            @Override
            public String passwordHash() {
                return hash;
            }

            @Override
            public Set<String> roles() {
                return roles;
            }

            @Override
            public Optional<String> organisation() {
                return Optional.empty();
            }
        };
    }
}
