package ir.hamyar.security;

import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;

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
                    .filter(mechanism -> mechanism.getClass().getName().startsWith("io.quarkus.oidc."))
                    .findFirst();
        }
        return oidc;
    }

    private HttpAuthenticationMechanism find(Class<?> type, String what) {
        return all.stream()
                .filter(type::isInstance)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(what + " is not enabled"));
    }
}
