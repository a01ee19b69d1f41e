package ir.hamyar.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import ir.hamyar.problem.DomainException;
import ir.hamyar.problem.Problem;
import ir.hamyar.problem.ProblemException;
import ir.hamyar.problem.ProblemResponses;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A refused console request is answered as a page in the user's language, with the same problem the API would send
 * (title, detail, each field): a browser user reads words, not JSON. Elsewhere the API's problem+json is sent, as
 * {@code ProblemMappers} would.
 */
@Singleton
public class ConsoleErrors {

    private final Template error;
    private final ConsoleRequest console;

    public ConsoleErrors(@Location("console/error.html") Template error, ConsoleRequest console) {
        this.error = error;
        this.console = console;
    }

    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response problem(ProblemException e, HttpServerRequest request) {
        return answer(e.problem(), request);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response domain(DomainException e, HttpServerRequest request) {
        return ProblemResponses.withRetryAfter(answer(ProblemResponses.of(e), request), e);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return answer(ProblemResponses.forbidden(), request);
    }

    private Response answer(Problem problem, HttpServerRequest request) {
        if (!request.path().startsWith("/console")) {
            return ProblemResponses.of(problem);
        }
        return Response.status(problem.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("c", console).data("problem", problem).render())
                .build();
    }
}
