package ir.hamyar.console;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Singleton;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives a browser its CSRF cookie with the first console page it gets (HttpOnly, SameSite=Strict, Secure on TLS). */
@Singleton
public class ConsoleCookies {

    private final ConsoleRequest console;

    public ConsoleCookies(ConsoleRequest console) {
        this.console = console;
    }

    @ServerResponseFilter
    public void csrfCookie(HttpServerRequest request, HttpServerResponse response) {
        if (request.path().startsWith("/console") && console.csrfIsNew()) {
            response.addCookie(Cookie.cookie(ConsoleRequest.CSRF_COOKIE, console.getCsrf())
                    .setPath("/console")
                    .setHttpOnly(true)
                    .setSecure(request.isSSL())
                    .setSameSite(CookieSameSite.STRICT));
        }
    }
}
