package ir.hamyar.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import ir.hamyar.db.StorageException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a REST call into {@code application/problem+json}. Nothing from the request and no
 * exception text reaches the client; an unexpected failure is logged under an id that the client is given.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e.problem());
    }

    /** The one place a domain error becomes an HTTP status. */
    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return ProblemResponses.withRetryAfter(ProblemResponses.of(ProblemResponses.of(e)), e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return ProblemResponses.of(ProblemResponses.unauthorized());
    }

    /** 401, or 429 with Retry-After for a sign-in refused after too many failures (it carries the wait). */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        Object retryAfter = e.getAttribute(ProblemResponses.RETRY_AFTER_SECONDS);
        return retryAfter == null
                ? ProblemResponses.of(ProblemResponses.unauthorized())
                : Response.fromResponse(ProblemResponses.of(ProblemResponses.tooManyAttempts()))
                        .header(HttpHeaders.RETRY_AFTER, retryAfter)
                        .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(ProblemResponses.forbidden());
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return ProblemResponses.of(Problem.of(
                415, "unsupported-media-type", "Unsupported media type", "the body must be application/json"));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response response = ProblemResponses.of(ProblemResponses.methodNotAllowed());
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null
                ? response
                : Response.fromResponse(response)
                        .header(HttpHeaders.ALLOW, allow)
                        .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return ProblemResponses.of(ProblemResponses.notFound());
        }
        return ProblemResponses.of(ProblemResponses.ofStatus(status));
    }

    @ServerExceptionMapper
    public Response storage(StorageException e) {
        LOG.errorf("Database work failed: SQLState %s", e.sqlState());
        return ProblemResponses.of(Problem.of(
                503, "storage-unavailable", "Storage unavailable", "the database could not be reached; retry shortly"));
    }

    /**
     * No resource reads or writes streams itself, so an I/O failure here is the connection: a device that hung up
     * before its body arrived or before its answer was sent. Routine in the field; the answer reaches nobody.
     */
    @ServerExceptionMapper
    public Response connectionLost(IOException e) {
        LOG.debugf("A client hung up: %s", e.getClass().getName());
        return ProblemResponses.of(
                Problem.of(400, "connection-lost", "Connection lost", "the request could not be read or answered"));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("Unexpected failure %s: %s", errorId, e.getClass().getName());
        LOG.debugf(e, "Unexpected failure %s", errorId);
        return ProblemResponses.of(
                Problem.of(500, "internal", "Internal error", "the service failed; report error id " + errorId));
    }
}
