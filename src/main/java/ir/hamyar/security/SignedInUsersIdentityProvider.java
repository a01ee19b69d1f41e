package ir.hamyar.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The console's signed-in users: the form login's encrypted session cookie names a user whose password was checked
 * at sign-in; each request takes her roles from the configuration as it is now, so a user removed or whose roles
 * changed is refused or restricted at once, not when her session ends.
 */
@ApplicationScoped
public class SignedInUsersIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final Map<String, UsersConfig.User> users;

    public SignedInUsersIdentityProvider(UsersConfig config) {
        this.users = Map.copyOf(config.users());
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        UsersConfig.User user = users.get(request.getPrincipal());
        if (user == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(ConfiguredUsersIdentityProvider.identity(request.getPrincipal(), user));
    }
}
