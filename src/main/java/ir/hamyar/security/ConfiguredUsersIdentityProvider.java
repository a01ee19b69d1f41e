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
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];

    public ConfiguredUsersIdentityProvider(UsersConfig config) {
        this.users = Map.copyOf(config.users());
        new SecureRandom().nextBytes(salt);
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

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() ->
                identify(request.getUsername(), new String(request.getPassword().getPassword())));
    }

    private SecurityIdentity identify(String name, String password) {
        UsersConfig.User user = users.get(name);
        if (user == null || !passwordMatches(name, user, password)) {
            throw new AuthenticationFailedException();
        }
        return identity(name, user);
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
        byte[] fingerprint = fingerprint(name, password);
        byte[] known = verified.get(name);
        if (known != null && MessageDigest.isEqual(known, fingerprint)) {
            return true;
        }
        boolean matches = BCrypt.verifyer()
                .verify(
                        password.getBytes(StandardCharsets.UTF_8),
                        user.passwordHash().getBytes(StandardCharsets.UTF_8))
                .verified;
        if (matches) {
            verified.put(name, fingerprint);
        }
        return matches;
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
