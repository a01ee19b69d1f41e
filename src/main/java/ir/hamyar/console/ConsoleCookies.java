package ir.hamyar.console;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Singleton;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives a browser its CSRF cookie with the first console page it gets (HttpOnly, SameSite=Strict); over TLS as
 * {@code __Host-hamyar-csrf} (Secure, path {@code /}, no domain: no other host or plain page can set or overwrite it).
 */
@Singleton
public class ConsoleCookies {

    private final ConsoleRequest console;

    public ConsoleCookies(ConsoleRequest console) {
        this.console = console;
    }

    @ServerResponseFilter
    public void csrfCookie(HttpServerRequest request, HttpServerResponse response) {
        if (request.path().startsWith("/console") && console.csrfIsNew()) {
            boolean tls = "https".equalsIgnoreCase(request.scheme());
            response.addCookie(Cookie.cookie(
                            tls ? ConsoleRequest.SECURE_CSRF_COOKIE : ConsoleRequest.CSRF_COOKIE, console.getCsrf())
                    .setPath(tls ? "/" : "/console")
                    .setHttpOnly(true)
                    .setSecure(tls)
                    .setSameSite(CookieSameSite.STRICT));
        }
    }
}
