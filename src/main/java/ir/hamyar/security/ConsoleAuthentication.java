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
 * How console pages authenticate (mechanism {@code console}): a session begun at the identity provider (OpenID
 * Connect's session cookie, {@code q_session}, set by the authorization-code flow of {@code /console/sso}) goes to
 * OpenID Connect; anything else to the sign-in form and its session cookie. Not signed in, a person is sent to the
 * sign-in page, which offers both.
 */
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    /** OpenID Connect's session cookie (its default name, for the default tenant). */
    public static final String OIDC_SESSION_COOKIE = "q_session";

    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, "console");

    private final Mechanisms mechanisms;

    public ConsoleAuthentication(Mechanisms mechanisms) {
        this.mechanisms = mechanisms;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Optional<HttpAuthenticationMechanism> oidc = mechanisms.oidc();
        if (oidc.isPresent() && context.request().getCookie(OIDC_SESSION_COOKIE) != null) {
            return oidc.get().authenticate(context, identityProviderManager);
        }
        return mechanisms.form().authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return mechanisms.form().getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return mechanisms.credentialTypes(mechanisms.form());
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }
}
