package ir.hamyar.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds the HTTP responses that carry a {@link Problem}. */
public final class ProblemResponses {

    public static final String CHALLENGE = "Basic realm=\"hamyar\"";

    /** The attribute of an authentication failure that is a refusal for now: whole seconds to wait (429). */
    public static final String RETRY_AFTER_SECONDS = "hamyar.retry-after-seconds";

    private ProblemResponses() {}

    public static Response of(Problem problem) {
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response.build();
    }

    /** The problem a domain error is answered with: the one mapping of kinds of error to HTTP statuses. */
    public static Problem of(DomainException e) {
        int status;
        if (e instanceof DomainException.NotFound) {
            status = 404;
        } else if (e instanceof DomainException.Forbidden) {
            status = 403;
        } else if (e instanceof DomainException.Conflict) {
            status = 409;
        } else if (e instanceof DomainException.Unsupported) {
            status = 415;
        } else if (e instanceof DomainException.Busy) {
            status = 429;
        } else if (e instanceof DomainException.Unavailable) {
            status = 503;
        } else {
            status = 500;
        }
        return Problem.of(status, e.slug(), e.title(), e.detail());
    }

    /** The response to a domain error, with the wait it asks for when it is a refusal for now. */
    public static Response withRetryAfter(Response response, DomainException e) {
        return e instanceof DomainException.Busy busy
                ? Response.fromResponse(response)
                        .header(HttpHeaders.RETRY_AFTER, busy.retryAfterSeconds())
                        .build()
                : response;
    }

    public static Problem unauthorized() {
        return Problem.of(
                401, "unauthorized", "Authentication required", "send HTTP Basic credentials of a configured user");
    }

    /** The same for every user name, existing or not. */
    public static Problem tooManyAttempts() {
        return Problem.of(
                429, "too-many-attempts", "Too many failed sign-ins", "too many failed sign-ins; try again later");
    }

    public static Problem forbidden() {
        return Problem.of(403, "forbidden", "Forbidden", "your role does not allow this request");
    }

    public static Problem notFound() {
        return Problem.of(404, "not-found", "Not found", "no such resource");
    }

    public static Problem tooLarge(long limitBytes) {
        return Problem.of(
                413,
                "too-large",
                "Request body too large",
                "the body exceeds the limit of " + limitBytes / (1024 * 1024) + " MiB for this endpoint");
    }

    public static Problem methodNotAllowed() {
        return Problem.of(405, "method-not-allowed", "Method not allowed", "this resource does not accept that method");
    }

    /** Any other error status, titled with its reason phrase. */
    public static Problem ofStatus(int status) {
        if (status < 400 || status >= 500) {
            return Problem.of(500, "internal", "Internal error", "the service failed");
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        return Problem.of(status, "http-" + status, title, "the request cannot be served");
    }
}
