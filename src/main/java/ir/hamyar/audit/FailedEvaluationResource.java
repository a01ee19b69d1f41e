package ir.hamyar.audit;

import io.quarkus.security.identity.SecurityIdentity;
import ir.hamyar.ledger.FailedEvaluations;
import ir.hamyar.problem.FieldError;
import ir.hamyar.query.Page;
import ir.hamyar.query.PageRequest;
import ir.hamyar.query.QueryParams;
import ir.hamyar.query.QueryParams.Period;
import ir.hamyar.security.Caller;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Requests the rules could not decide (a looping or failing rule): which, under which version, why, on what input. */
@Path("/api/v1/audit/failures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class FailedEvaluationResource {

    private final FailedEvaluations failures;
    private final DecisionAudit audit;
    private final SecurityIdentity identity;

    public FailedEvaluationResource(FailedEvaluations failures, DecisionAudit audit, SecurityIdentity identity) {
        this.failures = failures;
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Operation(
            summary = "Failed evaluations matching every filter given, newest first",
            description = "from/to: an ISO date (a day in Asia/Tehran; to is inclusive) or an ISO date-time")
    public Page<FailedEvaluation> listFailures(
            @QueryParam("rulesetVersion") String rulesetVersion,
            @QueryParam("rule") String rule,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        Integer version = QueryParams.integer(rulesetVersion, "rulesetVersion", null, errors);
        Period period = QueryParams.period(from, to, errors);
        PageRequest pageRequest = PageRequest.of(page, size, errors);
        String failedRule = QueryParams.text(rule, "rule", errors);
        QueryParams.refuseIfAny(errors);
        return failures.find(
                        new FailedEvaluations.Filter(
                                version,
                                failedRule,
                                period.from(),
                                period.to(),
                                Caller.of(identity).scope()),
                        pageRequest)
                .map(FailedEvaluation::of);
    }

    @GET
    @Path("{failureId}")
    @Operation(summary = "One failed evaluation with the input as received (this read is itself recorded)")
    public FailedEvaluation failedEvaluation(@PathParam("failureId") String failureId) {
        return FailedEvaluation.of(audit.failure(failureId, Caller.of(identity)));
    }
}
