package ir.hamyar.console;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ir.hamyar.security.ConsoleSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A successful sign-in with the form (its answer sets the session cookie) also gets the signed cookie of when it began
 * ({@link ConsoleSessions}), so that signing out can end it on the server.
 */
@ApplicationScoped
public class SignInCookies {

    private final ConsoleSessions sessions;

    public SignInCookies(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    /** Before the sign-in mechanism answers the sign-in's post (see {@link SignInCsrf}). */
    void installBeforeTheSignIn(@Observes Router router) {
        router.route(HttpMethod.POST, SignInCsrf.SIGN_IN)
                .order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 2)
                .handler(this::noteTheSignIn);
    }

    void noteTheSignIn(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(ended -> {
            String user = request.getFormAttribute("j_username");
            org.jboss.logging.Logger.getLogger(SignInCookies.class)
                    .infof(user, response.getStatusCode(), response.headers().get("Location"));
            if (user != null && setsTheSession(response)) {
                sessions.began(user, request, response);
            }
        });
        context.next();
    }

    /** The sign-in mechanism sends a person it signed in on to the console, and one it refused back to sign-in. */
    private static boolean setsTheSession(HttpServerResponse response) {
        String location = response.headers().get("Location");
        return response.getStatusCode() == 302 && location != null && !location.contains("/console/login");
    }
}
