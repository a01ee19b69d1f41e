package ir.hamyar.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import ir.hamyar.decision.DecisionService;
import ir.hamyar.decision.Overrides;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.ConclusionCatalogue;
import ir.hamyar.json.Json;
import ir.hamyar.ledger.CaseworkerOverride;
import ir.hamyar.problem.DomainException;
import ir.hamyar.ruleset.StoredRulesets;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The caseworker's page of one decision (intake: its own decisions): the conclusions with their reasons and the
 * value in force, the overrides made so far, and a form to decide otherwise about one conclusion, with a reason. It
 * calls the same service as {@code POST /api/v1/decisions/{id}/overrides}.
 */
@Path("/console/decisions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.INTAKE, Roles.ADMIN})
public class DecisionPages {

    private final ConsoleRequest console;
    private final DecisionService decisions;
    private final Overrides overrides;
    private final StoredRulesets rulesets;
    private final Template page;

    public DecisionPages(
            ConsoleRequest console,
            DecisionService decisions,
            Overrides overrides,
            StoredRulesets rulesets,
            @Location("console/decision.html") Template page) {
        this.console = console;
        this.decisions = decisions;
        this.overrides = overrides;
        this.rulesets = rulesets;
        this.page = page;
    }

    @GET
    public Response find(@QueryParam("id") String id) {
        String wanted = id == null ? "" : id.strip();
        return Response.seeOther(URI.create("/console/decisions/" + URLEncoder.encode(wanted, StandardCharsets.UTF_8)))
                .build();
    }

    @GET
    @Path("{decisionId}")
    public TemplateInstance decision(@PathParam("decisionId") String decisionId) {
        JsonNode decision = Json.readOwn(decisions
                .find(decisionId, console.caller(), console.isAuditor())
                .orElseThrow(() -> new DomainException.NotFound("there is no decision " + decisionId + " of yours")));
        CompiledRuleset ruleset =
                rulesets.compiled(decision.path("ruleset").path("version").asInt());
        ConclusionCatalogue catalogue = ruleset.conclusions();
        List<ConclusionRow> rows = new ArrayList<>();
        for (JsonNode conclusion : decision.path("conclusions")) {
            rows.add(ConclusionRow.of(conclusion, decision.path("overrides"), catalogue));
        }
        return page.data("c", console)
                .data("d", decision)
                .data("decisionId", decision.path("decisionId").asText())
                .data("subjectRef", decision.path("subjectRef").asText())
                .data("assessedOnJalali", decision.path("assessedOnJalali").asText())
                .data("version", decision.path("ruleset").path("version").asInt())
                .data("rows", rows)
                .data("rules", ruleset.rules())
                .data("overrides", overridesOf(decision));
    }

    @POST
    @Path("{decisionId}/overrides")
    public Response override(
            @PathParam("decisionId") String decisionId,
            @RestForm String type,
            @RestForm String subject,
            @RestForm String value,
            @RestForm String reason,
            @RestForm(ConsoleRequest.CSRF_FIELD) String csrf) {
        console.requireCsrf(csrf);
        var body = Json.MAPPER
                .createObjectNode()
                .put("type", type)
                .put("subject", subject == null || subject.isEmpty() ? null : subject)
                .put("value", value)
                .put("reason", ConsoleInput.text(reason));
        overrides.override(decisionId, Json.write(body).getBytes(StandardCharsets.UTF_8), null, console.caller());
        return Response.seeOther(URI.create("/console/decisions/" + decisionId + "#overrides"))
                .build();
    }

    private static List<OverrideRow> overridesOf(JsonNode decision) {
        List<OverrideRow> rows = new ArrayList<>();
        for (JsonNode made : decision.path("overrides")) {
            rows.add(new OverrideRow(
                    made.path("type").asText(),
                    made.path("subject").isTextual() ? made.path("subject").asText() : "",
                    made.path("from").asText(),
                    made.path("to").asText(),
                    made.path("reason").asText(),
                    made.path("overriddenBy").asText(),
                    Instant.parse(made.path("overriddenAt").asText()).atOffset(ZoneOffset.UTC)));
        }
        return rows;
    }

    /** A conclusion with its reasons, the value in force (after overrides) and the values it may be overridden to. */
    public record ConclusionRow(
            String type,
            String subject,
            String value,
            String inForce,
            String reasonFa,
            String reasonEn,
            String rule,
            List<String> values) {

        static ConclusionRow of(JsonNode conclusion, JsonNode overrides, ConclusionCatalogue catalogue) {
            String type = conclusion.path("type").asText();
            String subject = conclusion.path("subject").isTextual()
                    ? conclusion.path("subject").asText()
                    : "";
            String inForce = conclusion.path("value").asText();
            for (JsonNode made : overrides) {
                if (CaseworkerOverride.conclusion(made).equals(CaseworkerOverride.conclusion(conclusion))) {
                    inForce = made.path("to").asText();
                }
            }
            ConclusionCatalogue.ConclusionType declared = catalogue.types().get(type);
            return new ConclusionRow(
                    type,
                    subject,
                    conclusion.path("value").asText(),
                    inForce,
                    conclusion.path("reason").path("fa").asText(),
                    conclusion.path("reason").path("en").asText(),
                    conclusion.path("rule").asText(),
                    declared == null ? List.of() : List.copyOf(declared.values().keySet()));
        }
    }

    /** An override as the page lists it. */
    public record OverrideRow(
            String type, String subject, String from, String to, String reason, String by, OffsetDateTime at) {}
}
