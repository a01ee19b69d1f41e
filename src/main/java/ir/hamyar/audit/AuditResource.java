package ir.hamyar.audit;

import io.quarkus.security.identity.SecurityIdentity;
import ir.hamyar.ledger.AuditRead;
import ir.hamyar.ledger.AuditReads;
import ir.hamyar.ledger.ChainVerifier;
import ir.hamyar.ledger.DecisionQuery;
import ir.hamyar.ledger.OverrideChain;
import ir.hamyar.ledger.OverrideView;
import ir.hamyar.ledger.Verification;
import ir.hamyar.problem.FieldError;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.query.Page;
import ir.hamyar.query.PageRequest;
import ir.hamyar.query.QueryParams;
import ir.hamyar.query.QueryParams.Period;
import ir.hamyar.security.Caller;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The auditors' view of the decision record: search, read, replay, verify, and how often each rule fires. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

    private final DecisionAudit audit;
    private final ChainVerifier verifier;
    private final SecurityIdentity identity;
    private final AuditReads reads;

    public AuditResource(DecisionAudit audit, ChainVerifier verifier, SecurityIdentity identity, AuditReads reads) {
        this.audit = audit;
        this.reads = reads;
        this.verifier = verifier;
        this.identity = identity;
    }

    @GET
    @Path("decisions")
    @Operation(summary = "Recorded decisions matching every filter given, newest first")
    public Page<DecisionSummary> searchDecisions(
            @QueryParam("subjectRef") String subjectRef,
            @QueryParam("kind") String kind,
            @QueryParam("rule") String rule,
            @QueryParam("type") String type,
            @QueryParam("value") String value,
            @QueryParam("rulesetVersion") String rulesetVersion,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        if (kind != null && ProfileKind.fromWireName(kind).isEmpty()) {
            errors.add(new FieldError("kind", "must be one of " + ProfileKind.wireNames()));
        }
        Integer version = QueryParams.integer(rulesetVersion, "rulesetVersion", null, errors);
        Period period = QueryParams.period(from, to, errors);
        PageRequest pageRequest = PageRequest.of(page, size, errors);
        DecisionQuery query = new DecisionQuery(
                QueryParams.text(subjectRef, "subjectRef", errors),
                kind,
                QueryParams.text(rule, "rule", errors),
                QueryParams.text(type, "type", errors),
                QueryParams.text(value, "value", errors),
                version,
                period.from(),
                period.to(),
                Caller.of(identity).scope());
        QueryParams.refuseIfAny(errors);
        return audit.search(query, pageRequest);
    }

    @GET
    @Path("overrides")
    @Operation(summary = "Caseworkers' overrides matching every filter given, newest first")
    public Page<OverrideView> searchOverrides(
            @QueryParam("rule") String rule,
            @QueryParam("type") String type,
            @QueryParam("organisation") String organisation,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        Period period = QueryParams.period(from, to, errors);
        PageRequest pageRequest = PageRequest.of(page, size, errors);
        OverrideChain.Query query = new OverrideChain.Query(
                QueryParams.text(rule, "rule", errors),
                QueryParams.text(type, "type", errors),
                QueryParams.text(organisation, "organisation", errors),
                period.from(),
                period.to(),
                Caller.of(identity).scope());
        QueryParams.refuseIfAny(errors);
        return audit.overrides(query, pageRequest);
    }

    @GET
    @Path("decisions/{decisionId}")
    @Operation(summary = "The full record of one decision (this read is itself recorded)")
    public AuditRecord auditRecord(@PathParam("decisionId") String decisionId) {
        return audit.read(decisionId, Caller.of(identity));
    }

    @POST
    @Path("decisions/{decisionId}/replay")
    @Operation(summary = "Decide the recorded input again under the recorded ruleset version and compare")
    public DecisionAudit.Replay replayDecision(@PathParam("decisionId") String decisionId) {
        return audit.replay(decisionId, Caller.of(identity));
    }

    @GET
    @Path("reads")
    @Operation(
            summary = "Who looked: every read of a full record or a failure's input, and every replay, newest first",
            description = "decisionId: a decision's id, or a failed evaluation's; reader: a user name")
    public Page<AuditRead> whoLooked(
            @QueryParam("decisionId") String decisionId,
            @QueryParam("reader") String reader,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        UUID record = AuditReads.recordId(QueryParams.text(decisionId, "decisionId", errors), errors);
        Period period = QueryParams.period(from, to, errors);
        PageRequest pageRequest = PageRequest.of(page, size, errors);
        AuditReads.Query query = new AuditReads.Query(
                record,
                QueryParams.text(reader, "reader", errors),
                period.from(),
                period.to(),
                Caller.of(identity).scope());
        QueryParams.refuseIfAny(errors);
        return reads.find(query, pageRequest);
    }

    @GET
    @Path("verify")
    @Operation(summary = "Walk the hash chain of all records and compare it with the latest signed checkpoint")
    public Verification verifyChain() {
        return verifier.verify();
    }

    @GET
    @Path("rules")
    @Operation(summary = "How often each rule of the active ruleset fired in [from, to], rules that never fired too")
    public RuleStatistics ruleStatistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        Period period = QueryParams.period(from, to, errors);
        QueryParams.refuseIfAny(errors);
        return audit.ruleStatistics(period, Caller.of(identity).scope());
    }
}
