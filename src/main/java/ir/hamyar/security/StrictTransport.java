package ir.hamyar.security;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * HTTP Strict Transport Security on every answer served over TLS (by the service itself, or by a proxy it trusts to
 * say so): a browser that once reached it over HTTPS never again sends a password or a session cookie in clear.
 * Nothing is said over plain HTTP, where the header would be ignored, or could lock a plain installation out.
 */
@ApplicationScoped
public class StrictTransport {

    static final String HEADER = "Strict-Transport-Security";
    static final String ONE_YEAR = "max-age=31536000; includeSubDomains";

    @RouteFilter(90)
    void overTls(RoutingContext context) {
        if ("https".equalsIgnoreCase(context.request().scheme())) {
            context.response().putHeader(HEADER, ONE_YEAR);
        }
        context.next();
    }
}
