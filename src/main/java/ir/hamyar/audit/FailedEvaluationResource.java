package ir.hamyar.audit;

import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.ProblemException;
import ir.hamyar.problem.ProblemResponses;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Requests the rules could not decide (a looping or failing rule): which, under which version, why, on what input. */
@Path("/api/v1/audit/failures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class FailedEvaluationResource {

    private final FailedEvaluations failures;

    public FailedEvaluationResource(FailedEvaluations failures) {
        this.failures = failures;
    }

    @GET
    @Operation(
            summary = "Failed evaluations matching every filter given, newest first",
            description = "from/to: an ISO date (a day in Asia/Tehran; to is inclusive) or an ISO date-time")
    public Map<String, Object> list(
            @QueryParam("rulesetVersion") String rulesetVersion,
            @QueryParam("rule") String rule,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        List<FieldError> errors = new ArrayList<>();
        Integer version = AuditResource.rulesetVersion(rulesetVersion, errors);
        OffsetDateTime start = AuditEventResource.instant(from, false, "from", errors);
        OffsetDateTime end = AuditEventResource.instant(to, true, "to", errors);
        AuditResource.checkPage(page, size, errors);
        List<FailedEvaluation> found = failures.find(
                new FailedEvaluations.Filter(version, AuditResource.blankToNull(rule), start, end), page, size);
        return Map.of(
                "items",
                found.stream().limit(size).toList(),
                "page",
                page,
                "size",
                size,
                "hasMore",
                found.size() > size);
    }

    @GET
    @Path("{failureId}")
    @Operation(summary = "One failed evaluation with the input as received")
    public FailedEvaluation failure(@PathParam("failureId") String failureId) {
        UUID id;
        try {
            id = UUID.fromString(failureId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemResponses.notFound());
        }
        return failures.find(id).orElseThrow(() -> new ProblemException(ProblemResponses.notFound()));
    }
}
