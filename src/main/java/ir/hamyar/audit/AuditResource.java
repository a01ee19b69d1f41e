package ir.hamyar.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import ir.hamyar.engine.RuleInfo;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.problem.ProblemException;
import ir.hamyar.problem.ProblemResponses;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.ruleset.StoredRulesets;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The auditors' view of the decision record: search, read, replay, verify, and how often each rule fires. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

    static final int MAX_PAGE_SIZE = 500;
    private static final Set<String> KINDS = Set.of("family", "group", "helper");

    private final DecisionRecords records;
    private final AuditRecords auditRecords;
    private final AuditReads reads;
    private final Replayer replayer;
    private final StoredRulesets rulesets;
    private final AuditVerifier verifier;
    private final ActiveRuleset active;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;

    public AuditResource(
            DecisionRecords records,
            AuditRecords auditRecords,
            AuditReads reads,
            Replayer replayer,
            StoredRulesets rulesets,
            AuditVerifier verifier,
            ActiveRuleset active,
            ObjectMapper mapper,
            SecurityIdentity identity) {
        this.records = records;
        this.auditRecords = auditRecords;
        this.reads = reads;
        this.replayer = replayer;
        this.rulesets = rulesets;
        this.verifier = verifier;
        this.active = active;
        this.mapper = mapper;
        this.identity = identity;
    }

    @GET
    @Path("decisions")
    @Operation(summary = "Recorded decisions matching every filter given, newest first")
    public Map<String, Object> decisions(
            @QueryParam("subjectRef") String subjectRef,
            @QueryParam("kind") String kind,
            @QueryParam("rule") String rule,
            @QueryParam("type") String type,
            @QueryParam("value") String value,
            @QueryParam("rulesetVersion") String rulesetVersion,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        List<FieldError> errors = new ArrayList<>();
        if (kind != null && !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "must be one of family, group, helper"));
        }
        Integer version = rulesetVersion(rulesetVersion, errors);
        OffsetDateTime start = AuditEventResource.instant(from, false, "from", errors);
        OffsetDateTime end = AuditEventResource.instant(to, true, "to", errors);
        checkPage(page, size, errors);
        List<StoredDecision> found = records.find(
                new DecisionQuery(
                        blankToNull(subjectRef),
                        kind,
                        blankToNull(rule),
                        blankToNull(type),
                        blankToNull(value),
                        version,
                        start,
                        end),
                page,
                size);
        List<DecisionSummary> items =
                found.stream().limit(size).map(this::summary).toList();
        return Map.of("items", items, "page", page, "size", size, "hasMore", found.size() > size);
    }

    @GET
    @Path("decisions/{decisionId}")
    @Operation(summary = "The full record of one decision (this read is itself recorded)")
    public AuditRecord decision(@PathParam("decisionId") String decisionId) {
        StoredDecision decision = stored(decisionId);
        reads.record(actor(), AuditReads.READ, decision.record().id());
        return auditRecords.of(decision);
    }

    @POST
    @Path("decisions/{decisionId}/replay")
    @Operation(summary = "Decide the recorded input again under the recorded ruleset version and compare")
    public Map<String, Object> replay(@PathParam("decisionId") String decisionId) {
        StoredDecision decision = stored(decisionId);
        Replayer.Outcome replayed =
                replayer.replay(decision, rulesets.compiled(decision.record().rulesetVersion()));
        List<Differences.Difference> differences = Differences.between(replayer.recorded(decision), replayed);
        reads.record(actor(), AuditReads.REPLAY, decision.record().id());
        return Map.of(
                "decisionId",
                decisionId,
                "rulesetVersion",
                decision.record().rulesetVersion(),
                "identical",
                differences.isEmpty(),
                "differences",
                differences);
    }

    @GET
    @Path("verify")
    @Operation(summary = "Walk the hash chain of all records and compare it with the latest signed checkpoint")
    public Verification verify() {
        return verifier.verify();
    }

    @GET
    @Path("rules")
    @Operation(summary = "How often each rule of the active ruleset fired in [from, to], rules that never fired too")
    public Map<String, Object> rules(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime start = AuditEventResource.instant(from, false, "from", errors);
        OffsetDateTime end = AuditEventResource.instant(to, true, "to", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the query does not meet the contract", errors);
        }
        Map<String, long[]> firings = records.firings(start, end);
        List<Map<String, Object>> rules = active.current().ruleset().rules().values().stream()
                .map(RuleInfo::id)
                .sorted()
                .map(rule -> {
                    long[] counts = firings.getOrDefault(rule, new long[2]);
                    return Map.<String, Object>of("rule", rule, "firings", counts[0], "decisions", counts[1]);
                })
                .toList();
        return Map.of(
                "rulesetVersion", active.current().version(),
                "decisions", records.count(start, end),
                "rules", rules);
    }

    private DecisionSummary summary(StoredDecision decision) {
        return new DecisionSummary(
                decision.record().id().toString(),
                decision.record().seq(),
                decision.record().kind(),
                decision.record().subjectRef(),
                decision.record().assessedOn(),
                decision.record().decidedAt(),
                decision.record().caller(),
                new AuditRecord.Ruleset(
                        decision.record().rulesetVersion(), decision.record().rulesetSha256()),
                Differences.outcomes(replayer.recorded(decision).conclusions()));
    }

    private StoredDecision stored(String decisionId) {
        UUID id;
        try {
            id = UUID.fromString(decisionId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemResponses.notFound());
        }
        return records.find(id).orElseThrow(() -> new ProblemException(ProblemResponses.notFound()));
    }

    /** The {@code rulesetVersion} filter: absent, or a version number. */
    static Integer rulesetVersion(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("rulesetVersion", "must be a version number"));
            return null;
        }
    }

    static void checkPage(int page, int size, List<FieldError> errors) {
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "must be 1 to " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the query does not meet the contract", errors);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
