package ir.hamyar.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import ir.hamyar.problem.ProblemResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Checks HTTP Basic credentials against the configured users. bcrypt is deliberately slow, so a password that
 * verified once is remembered as a salted SHA-256 for the life of the process: intake devices syncing hundreds of
 * decisions do not pay the bcrypt cost on each one.
 */
@ApplicationScoped
public class ConfiguredUsersIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(ConfiguredUsersIdentityProvider.class);

    private final Map<String, UsersConfig.User> users;
    private final LoginThrottle throttle;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];
    private final CompletableFuture<byte[]> unknownUsersHash;

    public ConfiguredUsersIdentityProvider(UsersConfig config, LoginThrottle throttle) {
        this.users = Map.copyOf(config.users());
        this.throttle = throttle;
        new SecureRandom().nextBytes(salt);
        // bcrypt at the users' cost takes a good part of a second: made beside the rest of startup, not in its way
        this.unknownUsersHash = CompletableFuture.supplyAsync(() -> unknownUsersHash(users));
    }

    void checkUsers(@Observes StartupEvent event) {
        users.forEach((name, user) -> {
            Set<String> unknown = new HashSet<>(user.roles());
            unknown.removeAll(Roles.ALL);
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("user " + name + " has unknown roles " + unknown);
            }
            user.organisation().ifPresent(organisation -> Caller.checkOrganisation(name, organisation));
        });
        if (users.isEmpty()) {
            LOG.warn("No users are configured (hamyar.security.users.*): every API call will be refused");
        }
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /**
     * Checks the password unless this user name or address is refused for now (429); a failure is answered later the
     * more there were, a success at once.
     */
    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String name = request.getUsername();
        String address = clientAddress(request);
        String password = new String(request.getPassword().getPassword());
        Optional<Duration> locked = throttle.lockedFor(name, address);
        if (locked.isPresent()) {
            return refused(locked.get());
        }
        UsersConfig.User user = users.get(name);
        if (user != null && verifiedBefore(name, password)) {
            // not a guess: this very password was checked already; counting it would lock out a caller that merely
            // has more requests in flight than the limit of failures (an intake device syncing)
            throttle.signedIn(name, address);
            return Uni.createFrom().item(identity(name, user));
        }
        LoginThrottle.Attempt attempt = throttle.attempt(name, address);
        Optional<Duration> refused = attempt.refusedFor();
        if (refused.isPresent()) {
            return refused(refused.get());
        }
        return context.runBlocking(() -> identify(name, password))
                .onItem()
                .invoke(() -> throttle.succeeded(name, address))
                .onFailure(AuthenticationFailedException.class)
                .call(() -> {
                    Duration delay = throttle.failed(attempt);
                    return delay.isZero()
                            ? Uni.createFrom().voidItem()
                            : Uni.createFrom().voidItem().onItem().delayIt().by(delay);
                });
    }

    private static Uni<SecurityIdentity> refused(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Uni.createFrom()
                .failure(new AuthenticationFailedException(
                        "too many failed sign-ins", Map.of(ProblemResponses.RETRY_AFTER_SECONDS, seconds)));
    }

    /** An unknown user's password is checked too, against a hash of the users' cost: the answer takes as long. */
    private SecurityIdentity identify(String name, String password) {
        UsersConfig.User user = users.get(name);
        if (user == null) {
            verify(password, unknownUsersHash.join());
            throw new AuthenticationFailedException();
        }
        if (!passwordMatches(name, user, password)) {
            throw new AuthenticationFailedException();
        }
        return identity(name, user);
    }

    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null || routing.request().remoteAddress() == null) {
            return "unknown";
        }
        return routing.request().remoteAddress().hostAddress();
    }

    /** A hash of a random password at the highest cost among the users' hashes (10 when there are none). */
    private static byte[] unknownUsersHash(Map<String, UsersConfig.User> users) {
        int cost = users.values().stream()
                .map(UsersConfig.User::passwordHash)
                .mapToInt(ConfiguredUsersIdentityProvider::cost)
                .max()
                .orElse(10);
        byte[] password = new byte[32];
        new SecureRandom().nextBytes(password);
        return BCrypt.withDefaults().hash(cost, password);
    }

    /** {@code $2a$12$…} → 12. */
    private static int cost(String hash) {
        try {
            return Math.min(31, Math.max(4, Integer.parseInt(hash.substring(4, 6))));
        } catch (RuntimeException e) {
            return 10;
        }
    }

    /** A configured user as the request's identity: her name, roles and organisation as configured now. */
    static SecurityIdentity identity(String name, UsersConfig.User user) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRoles(user.roles());
        user.organisation().ifPresent(organisation -> identity.addAttribute(Caller.ORGANISATION, organisation));
        return identity.build();
    }

    private boolean passwordMatches(String name, UsersConfig.User user, String password) {
        if (verifiedBefore(name, password)) {
            return true;
        }
        boolean matches = verify(password, user.passwordHash().getBytes(StandardCharsets.UTF_8));
        if (matches) {
            verified.put(name, fingerprint(name, password));
        }
        return matches;
    }

    private boolean verifiedBefore(String name, String password) {
        byte[] known = verified.get(name);
        return known != null && MessageDigest.isEqual(known, fingerprint(name, password));
    }

    /** bcrypt reads 72 bytes at most: a longer password is refused like a wrong one (its check still takes as long). */
    private static boolean verify(String password, byte[] hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        boolean tooLong = bytes.length > 71;
        boolean matches = BCrypt.verifyer().verify(tooLong ? Arrays.copyOf(bytes, 71) : bytes, hash).verified;
        return matches && !tooLong;
    }

    private byte[] fingerprint(String name, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
