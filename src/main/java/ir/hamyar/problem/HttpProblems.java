package ir.hamyar.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Problems raised before or outside the REST layer: bodies over their endpoint's limit (refused from their
 * Content-Length before they are read), paths nothing serves, and failures of the HTTP layer itself.
 */
@ApplicationScoped
public class HttpProblems {

    public static final long DECISION_LIMIT = 1024L * 1024;
    public static final long BULK_LIMIT = 16L * 1024 * 1024;

    private final ObjectMapper mapper;

    public HttpProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body limit of a path: a batch or a ruleset upload 16 MiB, anything else 1 MiB. */
    public static long limitFor(String path) {
        return path.startsWith("/api/v1/decisions/batch") || path.startsWith("/api/v1/rulesets")
                ? BULK_LIMIT
                : DECISION_LIMIT;
    }

    @RouteFilter(100)
    void refuseOversizedBodies(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && context.request().method() != HttpMethod.GET) {
            long limit = limitFor(context.normalizedPath());
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    send(context, ProblemResponses.tooLarge(limit));
                    context.request().connection().close();
                    return;
                }
            } catch (NumberFormatException e) {
                send(context, Problem.of(400, "invalid-input", "Invalid input", "Content-Length is not a number"));
                return;
            }
        }
        context.next();
    }

    void installFallbacks(@Observes Router router) {
        router.route().last().handler(context -> send(context, ProblemResponses.notFound()));
        router.route().failureHandler(this::onFailure);
    }

    private void onFailure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode();
        Problem problem =
                switch (status) {
                    case 401 -> ProblemResponses.unauthorized();
                    case 403 -> ProblemResponses.forbidden();
                    case 404 -> ProblemResponses.notFound();
                    case 405 -> ProblemResponses.methodNotAllowed();
                    case 413 -> ProblemResponses.tooLarge(limitFor(context.normalizedPath()));
                    default -> ProblemResponses.ofStatus(status);
                };
        send(context, problem);
    }

    private void send(RoutingContext context, Problem problem) {
        try {
            if (problem.status() == 401) {
                context.response().putHeader("WWW-Authenticate", ProblemResponses.CHALLENGE);
            }
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(500).end();
        }
    }
}
