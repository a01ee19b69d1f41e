package ir.hamyar.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import ir.hamyar.audit.AuditRecord;
import ir.hamyar.audit.DecisionAudit;
import ir.hamyar.audit.DecisionSummary;
import ir.hamyar.audit.FailedEvaluation;
import ir.hamyar.audit.RuleStatistics;
import ir.hamyar.calendar.Digits;
import ir.hamyar.calendar.IranTime;
import ir.hamyar.engine.RuleInfo;
import ir.hamyar.json.Json;
import ir.hamyar.ledger.AuditRead;
import ir.hamyar.ledger.AuditReads;
import ir.hamyar.ledger.ChainVerifier;
import ir.hamyar.ledger.Checkpoint;
import ir.hamyar.ledger.DecisionQuery;
import ir.hamyar.ledger.FailedEvaluations;
import ir.hamyar.ledger.OverrideView;
import ir.hamyar.ledger.Verification;
import ir.hamyar.problem.FieldError;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.query.Page;
import ir.hamyar.query.PageRequest;
import ir.hamyar.query.QueryParams;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.ruleset.ActiveVersion;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The auditors' pages: find a decision or a failure, explain one decision beside the rules that made it and replay
 * it, prove the record, see which rules are in use, and who looked. Every read goes through {@link DecisionAudit}, so
 * the console's reads are recorded like the API's and bounded to the auditor's organisation.
 */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditPages {

    private final ConsoleRequest console;
    private final DecisionAudit audit;
    private final FailedEvaluations failures;
    private final AuditReads reads;
    private final ChainVerifier verifier;
    private final ActiveRuleset active;
    private final Template find;
    private final Template record;
    private final Template failuresPage;
    private final Template failure;
    private final Template proof;
    private final Template rules;
    private final Template readsPage;

    public AuditPages(
            ConsoleRequest console,
            DecisionAudit audit,
            FailedEvaluations failures,
            AuditReads reads,
            ChainVerifier verifier,
            ActiveRuleset active,
            @Location("console/audit-find.html") Template find,
            @Location("console/audit-record.html") Template record,
            @Location("console/audit-failures.html") Template failuresPage,
            @Location("console/audit-failure.html") Template failure,
            @Location("console/audit-proof.html") Template proof,
            @Location("console/audit-rules.html") Template rules,
            @Location("console/audit-reads.html") Template readsPage) {
        this.console = console;
        this.audit = audit;
        this.failures = failures;
        this.reads = reads;
        this.verifier = verifier;
        this.active = active;
        this.find = find;
        this.record = record;
        this.failuresPage = failuresPage;
        this.failure = failure;
        this.proof = proof;
        this.rules = rules;
        this.readsPage = readsPage;
    }

    @GET
    @Path("decisions")
    public TemplateInstance findDecisions(
            @QueryParam("subjectRef") String subjectRef,
            @QueryParam("kind") String kind,
            @QueryParam("rule") String rule,
            @QueryParam("type") String type,
            @QueryParam("value") String value,
            @QueryParam("version") String version,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page) {
        Filters filters = new Filters(subjectRef, kind, rule, type, value, version, from, to);
        Page<Found> found = null;
        if (filters.any()) {
            List<FieldError> errors = new ArrayList<>();
            DecisionQuery query = new DecisionQuery(
                    filters.text(subjectRef),
                    ProfileKind.fromWireName(filters.text(kind))
                            .map(ProfileKind::wireName)
                            .orElse(null),
                    filters.text(rule),
                    filters.text(type),
                    filters.text(value),
                    QueryParams.integer(digits(version), "version", null, errors),
                    filters.start(from, "from"),
                    filters.end(to, "to"),
                    console.caller().scope());
            PageRequest request = PageRequest.of(digits(page), null, errors);
            QueryParams.refuseIfAny(errors);
            found = audit.search(query, request).map(Found::of);
        }
        return find.data("c", console)
                .data("f", filters)
                .data("found", found)
                .data("query", filters.query())
                .data(
                        "kinds",
                        Arrays.stream(ProfileKind.values())
                                .map(ProfileKind::wireName)
                                .toList());
    }

    @GET
    @Path("decisions/{decisionId}")
    public TemplateInstance explain(@PathParam("decisionId") String decisionId) {
        return explained(audit.read(decisionId, console.caller()), null, false);
    }

    /** The record laid out to be printed and filed: no navigation, who printed it and when. */
    @GET
    @Path("decisions/{decisionId}/print")
    public TemplateInstance print(@PathParam("decisionId") String decisionId) {
        return explained(audit.read(decisionId, console.caller()), null, true);
    }

    @POST
    @Path("decisions/{decisionId}/replay")
    public TemplateInstance replay(
            @PathParam("decisionId") String decisionId, @RestForm(ConsoleRequest.CSRF_FIELD) String csrf) {
        console.requireCsrf(csrf);
        DecisionAudit.Replay replayed = audit.replay(decisionId, console.caller());
        return explained(audit.read(decisionId, console.caller()), replayed, false);
    }

    @GET
    @Path("failures")
    public TemplateInstance listFailures(
            @QueryParam("rule") String rule,
            @QueryParam("version") String version,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page) {
        Filters filters = new Filters(null, null, rule, null, null, version, from, to);
        List<FieldError> errors = new ArrayList<>();
        FailedEvaluations.Filter filter = new FailedEvaluations.Filter(
                QueryParams.integer(digits(version), "version", null, errors),
                filters.text(rule),
                filters.start(from, "from"),
                filters.end(to, "to"),
                console.caller().scope());
        PageRequest request = PageRequest.of(digits(page), null, errors);
        QueryParams.refuseIfAny(errors);
        return failuresPage
                .data("c", console)
                .data("f", filters)
                .data("found", failures.find(filter, request).map(FailedEvaluation::of))
                .data("query", filters.query());
    }

    @GET
    @Path("failures/{failureId}")
    public TemplateInstance failure(@PathParam("failureId") String failureId) {
        FailedEvaluation failed = FailedEvaluation.of(audit.failure(failureId, console.caller()));
        return failure.data("c", console).data("f", failed).data("input", pretty(failed.input()));
    }

    @GET
    @Path("proof")
    public TemplateInstance proof() {
        Verification verification = verifier.verify();
        Checkpoint checkpoint = verification.checkpoint();
        return proof.data("c", console)
                .data("v", verification)
                .data("checkpoint", checkpoint)
                .data("signed", checkpoint == null ? null : checkpoint.signed());
    }

    /** Rules in use are counts, no record: policy staff see them too. */
    @GET
    @Path("rules")
    @RolesAllowed({Roles.AUDITOR, Roles.POLICY, Roles.ADMIN})
    public TemplateInstance rulesInUse(@QueryParam("from") String from, @QueryParam("to") String to) {
        Filters filters = new Filters(null, null, null, null, null, null, from, to);
        ActiveVersion version = active.current();
        RuleStatistics statistics = audit.ruleStatistics(
                new QueryParams.Period(filters.start(from, "from"), filters.end(to, "to")),
                console.caller().scope());
        List<RuleUse> uses = new ArrayList<>();
        for (RuleStatistics.RuleFirings firings : statistics.rules()) {
            RuleInfo info = version.ruleset().rules().get(firings.rule());
            uses.add(new RuleUse(
                    firings,
                    info,
                    statistics.decisions() == 0
                            ? 0
                            : Math.round(1000.0 * firings.decisions() / statistics.decisions()) / 10.0));
        }
        return rules.data("c", console)
                .data("f", filters)
                .data("statistics", statistics)
                .data("uses", uses)
                .data(
                        "neverFired",
                        uses.stream()
                                .filter(use -> use.firings().firings() == 0)
                                .count());
    }

    @GET
    @Path("reads")
    public TemplateInstance whoLooked(
            @QueryParam("decisionId") String decisionId,
            @QueryParam("reader") String reader,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page) {
        Filters filters = new Filters(decisionId, null, reader, null, null, null, from, to);
        List<FieldError> errors = new ArrayList<>();
        UUID record = AuditReads.recordId(filters.text(decisionId), errors);
        PageRequest request = PageRequest.of(digits(page), null, errors);
        AuditReads.Query query = new AuditReads.Query(
                record,
                filters.text(reader),
                filters.start(from, "from"),
                filters.end(to, "to"),
                console.caller().scope());
        QueryParams.refuseIfAny(errors);
        Page<AuditRead> found = reads.find(query, request);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("decisionId", decisionId);
        typed.put("reader", reader);
        typed.put("from", from);
        typed.put("to", to);
        return readsPage
                .data("c", console)
                .data("f", filters)
                .data("found", found)
                .data("query", query(typed));
    }

    private TemplateInstance explained(AuditRecord audited, DecisionAudit.Replay replayed, boolean print) {
        Map<String, AuditRecord.FiredRule> byRule = new HashMap<>();
        audited.firedRules().forEach(fired -> byRule.putIfAbsent(fired.rule(), fired));
        Map<String, OverrideView> inForce = new LinkedHashMap<>();
        audited.overrides().forEach(made -> inForce.put(made.type() + "|" + made.subject(), made));
        List<Explained> conclusions = new ArrayList<>();
        for (JsonNode conclusion : audited.conclusions() == null ? List.<JsonNode>of() : audited.conclusions()) {
            String rule = conclusion.path("rule").asText(null);
            String subject = conclusion.path("subject").asText(null);
            OverrideView overridden = inForce.get(conclusion.path("type").asText() + "|" + subject);
            conclusions.add(new Explained(
                    conclusion.path("type").asText(),
                    subject,
                    conclusion.path("value").asText(),
                    overridden == null ? null : overridden.to(),
                    conclusion.path("reason").path("fa").asText(),
                    conclusion.path("reason").path("en").asText(),
                    rule,
                    rule == null ? null : byRule.get(rule)));
        }
        return record.data("c", console)
                .data("r", audited)
                .data("conclusions", conclusions)
                .data("input", pretty(audited.input()))
                .data("replay", replayed)
                .data("print", print)
                .data("printedAt", OffsetDateTime.now());
    }

    private static String pretty(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.readOwn(json));
        } catch (RuntimeException | JsonProcessingException e) {
            return json;
        }
    }

    /** {@code &name=value} for each field typed, to page with. */
    static String query(Map<String, String> fields) {
        StringBuilder query = new StringBuilder();
        fields.forEach((name, typed) -> {
            if (typed != null && !typed.isBlank()) {
                query.append('&')
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(typed.strip(), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static String digits(String typed) {
        return typed == null || typed.isBlank() ? null : Digits.toLatin(typed.strip());
    }

    /** A conclusion as the auditor reads it: as concluded, what a caseworker put in its place, why, by which rule. */
    public record Explained(
            String type,
            String subject,
            String value,
            String overriddenTo,
            String reasonFa,
            String reasonEn,
            String rule,
            AuditRecord.FiredRule fired) {}

    /** A decision in the results: when, whose, which version, what it concluded. */
    public record Found(
            String decisionId,
            OffsetDateTime decidedAt,
            String subjectRef,
            String kind,
            int version,
            String caller,
            String organisation,
            List<String> outcomes) {

        static Found of(DecisionSummary summary) {
            List<String> outcomes = new ArrayList<>();
            for (JsonNode outcome : summary.conclusions()) {
                outcomes.add(outcome.path("type").asText() + "="
                        + outcome.path("value").asText());
            }
            return new Found(
                    summary.decisionId(),
                    summary.decidedAt().atOffset(java.time.ZoneOffset.UTC),
                    summary.subjectRef(),
                    summary.kind(),
                    summary.ruleset().version(),
                    summary.caller(),
                    summary.organisation(),
                    outcomes);
        }
    }

    /** One rule of the active version and how it was used. */
    public record RuleUse(RuleStatistics.RuleFirings firings, RuleInfo info, double share) {}

    /** The filters of a search form as typed, kept to fill the form again and to page on. */
    public record Filters(
            String subjectRef,
            String kind,
            String rule,
            String type,
            String value,
            String version,
            String from,
            String to) {

        boolean any() {
            return text(subjectRef) != null
                    || text(kind) != null
                    || text(rule) != null
                    || text(type) != null
                    || text(value) != null
                    || text(version) != null
                    || text(from) != null
                    || text(to) != null;
        }

        String text(String typed) {
            return typed == null || typed.isBlank() ? null : ConsoleInput.text(typed.strip());
        }

        OffsetDateTime start(String typed, String field) {
            LocalDate day = text(typed) == null ? null : ConsoleInput.date(typed, field);
            return day == null ? null : day.atStartOfDay(IranTime.ZONE).toOffsetDateTime();
        }

        OffsetDateTime end(String typed, String field) {
            LocalDate day = text(typed) == null ? null : ConsoleInput.date(typed, field);
            return day == null
                    ? null
                    : day.plusDays(1).atStartOfDay(IranTime.ZONE).toOffsetDateTime();
        }

        /** The filters as a query string, to page with. */
        public String query() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("subjectRef", subjectRef);
            fields.put("kind", kind);
            fields.put("rule", rule);
            fields.put("type", type);
            fields.put("value", value);
            fields.put("version", version);
            fields.put("from", from);
            fields.put("to", to);
            return AuditPages.query(fields);
        }
    }
}
