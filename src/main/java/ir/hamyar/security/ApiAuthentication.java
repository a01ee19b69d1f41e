package ir.hamyar.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * How the API authenticates (mechanism {@code api}, chosen for {@code /api/*} in application.properties): a bearer
 * token goes to OpenID Connect (a 401 while it is not enabled), anything else to HTTP Basic against the configured
 * users. Both at once, so devices keep their passwords while people use the organisation's identity provider; the
 * console's session cookies open nothing here.
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "api");

    private final Mechanisms mechanisms;

    public ApiAuthentication(Mechanisms mechanisms) {
        this.mechanisms = mechanisms;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<HttpAuthenticationMechanism> tokens = mechanisms.oidc();
            return tokens.isPresent()
                    ? tokens.get().authenticate(context, identityProviderManager)
                    : Uni.createFrom().nullItem();
        }
        return mechanisms.basic().authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return mechanisms.basic().getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return mechanisms.credentialTypes(mechanisms.basic());
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }
}
