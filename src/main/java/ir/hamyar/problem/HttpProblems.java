package ir.hamyar.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Problems raised before or outside the REST layer: bodies over their endpoint's limit (refused from their
 * Content-Length before they are read), paths nothing serves, and failures of the HTTP layer itself.
 */
@ApplicationScoped
public class HttpProblems {

    public static final long DECISION_LIMIT = 1024L * 1024;
    public static final long BULK_LIMIT = 16L * 1024 * 1024;
    /** Longest request line answered with a problem; Vert.x refuses longer ones itself (max-initial-line-length). */
    public static final int URI_LIMIT = 4 * 1024;
    /** How much of a refused body is read and dropped, so that a client that writes it whole still reads the 413. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    /** How long a refused body is drained at the most before the connection is closed. */
    static final long DRAIN_MILLIS = 30_000;

    private final ObjectMapper mapper;

    public HttpProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body limit of a path: a batch or a ruleset upload (API or console) 16 MiB, anything else 1 MiB. */
    public static long limitFor(String path) {
        return path.startsWith("/api/v1/decisions/batch")
                        || (path.startsWith("/api/v1/rulesets") && !path.contains("/evaluate/"))
                        || path.equals("/console/versions/upload")
                ? BULK_LIMIT
                : DECISION_LIMIT;
    }

    /** Requests refused before they are routed: a long URI, a body the service will not read, one too large. */
    @RouteFilter(100)
    void refuseWhatIsNotRead(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > URI_LIMIT) {
            send(
                    context,
                    Problem.of(
                            414,
                            "uri-too-long",
                            "URI too long",
                            "the request line exceeds " + URI_LIMIT + " characters"));
            return;
        }
        if (!isValidUri(request.uri())) {
            send(context, invalidUri());
            return;
        }
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            Problem refused = unreadableBody(request);
            if (refused != null) {
                send(context, refused);
                return;
            }
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            long limit = limitFor(context.normalizedPath());
            if (length != null && Long.parseLong(length.trim()) > limit) {
                refuseAndDrain(context, ProblemResponses.tooLarge(limit));
                return;
            }
        }
        context.next();
    }

    /**
     * What Quarkus checks itself, and answers with a bare 400, unless started with
     * {@code -Dvertx.disableURIValidation=true}, as the documented run commands are: then this check answers it.
     */
    private static Problem invalidUri() {
        return Problem.of(
                400,
                "invalid-input",
                "Invalid input",
                "the request line is not a valid URI (RFC 3986), e.g. a malformed percent-encoding");
    }

    private static boolean isValidUri(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A body in a coding or charset the service does not read, or a Content-Length that is not a number. */
    private static Problem unreadableBody(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            return unsupported("the body must not be compressed or otherwise encoded (Content-Encoding)");
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.toLowerCase(Locale.ROOT).contains("json") && !isUtf8(type)) {
            return unsupported("JSON bodies are UTF-8 (RFC 8259); the charset, if given, must be utf-8");
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !length.trim().matches("\\d{1,18}")) {
            return Problem.of(400, "invalid-input", "Invalid input", "Content-Length is not a number");
        }
        return null;
    }

    private static Problem unsupported(String detail) {
        return Problem.of(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    private static boolean isUtf8(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] nameAndValue = parameter.trim().split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].trim().equalsIgnoreCase("charset")) {
                String charset = nameAndValue[1].trim().replace("\"", "");
                return charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
            }
        }
        return true;
    }

    /**
     * Answers at once, then reads and drops the body (up to {@link #DRAIN_LIMIT}) before closing: a client that
     * writes its whole body before reading (many device stacks do) would otherwise see a broken pipe, not the 413.
     * A client that announced its body ({@code Expect: 100-continue}) sends none: its connection is closed at once.
     */
    private void refuseAndDrain(RoutingContext context, Problem problem) {
        HttpServerRequest request = context.request();
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (expect != null && expect.toLowerCase(Locale.ROOT).contains("100-continue")) {
            send(context, problem);
            request.connection().close();
            return;
        }
        long timer = context.vertx()
                .setTimer(DRAIN_MILLIS, fired -> request.connection().close());
        long[] drained = {0};
        request.handler(buffer -> {
            drained[0] += buffer.length();
            if (drained[0] > DRAIN_LIMIT) {
                request.connection().close();
            }
        });
        request.endHandler(end -> {
            context.vertx().cancelTimer(timer);
            request.connection().close();
        });
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        send(context, problem);
        request.resume();
    }

    void installFallbacks(@Observes Router router) {
        router.route().last().handler(context -> send(context, ProblemResponses.notFound()));
        router.route().failureHandler(this::onFailure);
        // a path that does not percent-decode fails while the router matches it, outside every route
        router.errorHandler(400, context -> send(context, invalidUri()));
    }

    private void onFailure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        if (context.failure() instanceof AuthenticationRedirectException redirect) {
            // not an error: OpenID Connect's code flow sends the browser on (to the provider, or back to the page)
            context.response()
                    .setStatusCode(redirect.getCode())
                    .putHeader(HttpHeaders.LOCATION, redirect.getRedirectUri())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end();
            return;
        }
        int status = context.failure() instanceof ForbiddenException ? 403 : context.statusCode();
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
            // set here too: answers sent outside every route miss the headers configured in application.properties
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(500).end();
        }
    }
}
