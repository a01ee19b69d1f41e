package ir.hamyar.console;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Login CSRF: the sign-in form carries this browser's CSRF token in its action ({@code ?csrf=}, the form body being
 * the sign-in mechanism's to read), and a sign-in whose token is not its cookie's is sent back to the sign-in page
 * before any password is checked: another site cannot sign a person in to an account of its choosing.
 */
@ApplicationScoped
public class SignInCsrf {

    static final String SIGN_IN = "/console/j_security_check";

    /**
     * Right after the body is read: the sign-in mechanism answers the sign-in's post itself, ahead of every route
     * filter.
     */
    void installBeforeTheSignIn(@Observes Router router) {
        router.route(HttpMethod.POST, SIGN_IN)
                .order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1)
                .handler(this::refuseASignInFromElsewhere);
    }

    void refuseASignInFromElsewhere(RoutingContext context) {
        if (!matches(context)) {
            context.response()
                    .setStatusCode(303)
                    .putHeader(HttpHeaders.LOCATION, "/console/login?error=1")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end();
            return;
        }
        context.next();
    }

    private static boolean matches(RoutingContext context) {
        Cookie cookie = ConsoleRequest.csrfCookie(context.request());
        String sent = context.request().getParam(ConsoleRequest.CSRF_FIELD);
        return cookie != null
                && sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8), cookie.getValue().getBytes(StandardCharsets.UTF_8));
    }
}
