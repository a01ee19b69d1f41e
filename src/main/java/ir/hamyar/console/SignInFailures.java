package ir.hamyar.console;

import io.quarkus.security.AuthenticationException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A wrong user name or password at the console's sign-in goes back to the sign-in page, which says so, instead of
 * the API's 401 problem: with lazy authentication the form login's failure reaches the router's failure handlers.
 * The answer is the same for an unknown user and a wrong password.
 */
@ApplicationScoped
public class SignInFailures {

    static final String POST_LOCATION = "/console/j_security_check";

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, POST_LOCATION).order(-1000).failureHandler(this::backToSignIn);
    }

    private void backToSignIn(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationException)
                || context.response().headWritten()) {
            context.next();
            return;
        }
        context.response()
                .setStatusCode(302)
                .putHeader("Location", "/console/login?error=1")
                .putHeader("Cache-Control", "no-store")
                .end();
    }
}
