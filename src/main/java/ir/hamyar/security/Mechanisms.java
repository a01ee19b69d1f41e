package ir.hamyar.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Quarkus's own authentication mechanisms, for Hamyar's two that choose between them per request
 * ({@link ApiAuthentication}, {@link ConsoleAuthentication}): HTTP Basic, the console's form and session cookie,
 * and OpenID Connect (present whenever the extension is; it answers nothing while {@code quarkus.oidc.tenant-enabled}
 * is false). Looked up on first use, since they are beans beside ours.
 */
@ApplicationScoped
public class Mechanisms {

    private final Instance<HttpAuthenticationMechanism> all;
    private volatile HttpAuthenticationMechanism basic;
    private volatile HttpAuthenticationMechanism form;
    private volatile Optional<HttpAuthenticationMechanism> oidc;

    public Mechanisms(Instance<HttpAuthenticationMechanism> all) {
        this.all = all;
    }

    HttpAuthenticationMechanism basic() {
        if (basic == null) {
            basic = find(BasicAuthenticationMechanism.class, "HTTP Basic (quarkus.http.auth.basic)");
        }
        return basic;
    }

    HttpAuthenticationMechanism form() {
        if (form == null) {
            form = find(FormAuthenticationMechanism.class, "the sign-in form (quarkus.http.auth.form.enabled)");
        }
        return form;
    }

    Optional<HttpAuthenticationMechanism> oidc() {
        if (oidc == null) {
            oidc = all.stream()
                    .filter(OidcAuthenticationMechanism.class::isInstance)
                    .findFirst();
        }
        return oidc;
    }

    /** What {@code primary} authenticates with, and bearer tokens too where OpenID Connect is present. */
    Set<Class<? extends AuthenticationRequest>> credentialTypes(HttpAuthenticationMechanism primary) {
        Set<Class<? extends AuthenticationRequest>> types = new HashSet<>(primary.getCredentialTypes());
        oidc().ifPresent(tokens -> types.addAll(tokens.getCredentialTypes()));
        return types;
    }

    private HttpAuthenticationMechanism find(Class<?> type, String what) {
        return all.stream()
                .filter(type::isInstance)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(what + " is not enabled"));
    }
}
