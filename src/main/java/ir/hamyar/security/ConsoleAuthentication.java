package ir.hamyar.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * How console pages authenticate (mechanism {@code console}): a session begun at the identity provider (OpenID
 * Connect's session cookie, {@code q_session}, set by the authorization-code flow of {@code /console/sso}) goes to
 * OpenID Connect; anything else to the sign-in form and its session cookie. Not signed in, a person is sent to the
 * sign-in page, which offers both. Either way the session must be live ({@link ConsoleSessions}): begun after its
 * person last signed out.
 */
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    /** OpenID Connect's session cookie (its default name, for the default tenant). */
    public static final String OIDC_SESSION_COOKIE = "q_session";

    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, "console");

    private final Mechanisms mechanisms;
    private final ConsoleSessions sessions;

    public ConsoleAuthentication(Mechanisms mechanisms, ConsoleSessions sessions) {
        this.mechanisms = mechanisms;
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Optional<HttpAuthenticationMechanism> oidc = mechanisms.oidc();
        Uni<SecurityIdentity> signedIn = oidc.isPresent() && context.request().getCookie(OIDC_SESSION_COOKIE) != null
                ? oidc.get().authenticate(context, identityProviderManager)
                : mechanisms.form().authenticate(context, identityProviderManager);
        Cookie began = context.request().getCookie(ConsoleSessions.COOKIE);
        return signedIn.onItem()
                .transformToUni(identity -> identity == null || identity.isAnonymous()
                        ? Uni.createFrom().item(identity)
                        : Uni.createFrom()
                                .item(() ->
                                        sessions.isLive(identity.getPrincipal().getName(), began) ? identity : null)
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
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
