package ir.hamyar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.problem.ProblemException;
import ir.hamyar.problem.ProblemResponses;
import ir.hamyar.profile.StrictJson;
import ir.hamyar.ruleset.StoredRulesets;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a version (typically a draft) would change: the most recent recorded decisions decided again under it and
 * compared on what they concluded (type, subject, value). Nothing is recorded and no decision waits on it.
 */
@Path("/api/v1/rulesets/{version}/impact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rulesets")
public class ImpactResource {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;

    private final DecisionRecords records;
    private final Replayer replayer;
    private final StoredRulesets rulesets;

    public ImpactResource(DecisionRecords records, Replayer replayer, StoredRulesets rulesets) {
        this.records = records;
        this.replayer = replayer;
        this.rulesets = rulesets;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Replay the most recent decisions (limit, default 1000) under a version and report changes")
    public Map<String, Object> impact(@PathParam("version") String version, byte[] body) {
        int limit = limit(body);
        CompiledRuleset ruleset = rulesets.compiled(versionNumber(version));
        List<Map<String, Object>> changes = new ArrayList<>();
        Map<String, Integer> transitions = new TreeMap<>();
        List<StoredDecision> latest = records.latest(limit);
        for (StoredDecision decision : latest) {
            ArrayNode before = Differences.outcomes(replayer.recorded(decision).conclusions());
            ArrayNode after =
                    Differences.outcomes(replayer.replay(decision, ruleset).conclusions());
            JsonNode lost = Differences.missingFrom(after, before);
            JsonNode gained = Differences.missingFrom(before, after);
            if (!lost.isEmpty() || !gained.isEmpty()) {
                changes.add(Map.of("decisionId", decision.record().id().toString(), "before", lost, "after", gained));
                count(transitions, lost, gained);
            }
        }
        return Map.of(
                "version", versionNumber(version),
                "replayed", latest.size(),
                "changed", changes.size(),
                "transitions", transitions,
                "changes", changes);
    }

    /** "TIER HARMED → AT_RISK": counted per type and subject pairing of a lost and a gained conclusion. */
    private static void count(Map<String, Integer> transitions, JsonNode lost, JsonNode gained) {
        List<JsonNode> unmatched = new ArrayList<>();
        gained.forEach(unmatched::add);
        for (JsonNode was : lost) {
            JsonNode now = unmatched.stream()
                    .filter(candidate -> candidate.path("type").equals(was.path("type"))
                            && candidate.path("subject").equals(was.path("subject")))
                    .findFirst()
                    .orElse(null);
            String to = now == null ? "(none)" : now.path("value").asText();
            unmatched.remove(now);
            transitions.merge(
                    was.path("type").asText() + " " + was.path("value").asText() + " → " + to, 1, Integer::sum);
        }
        unmatched.forEach(now -> transitions.merge(
                now.path("type").asText() + " (none) → " + now.path("value").asText(), 1, Integer::sum));
    }

    private static int limit(byte[] body) {
        if (body == null || body.length == 0) {
            return DEFAULT_LIMIT;
        }
        JsonNode root = StrictJson.parse(body);
        List<FieldError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals("limit")) {
                errors.add(new FieldError(name, "is not defined by the contract"));
            }
        });
        JsonNode limit = root.path("limit");
        if (!limit.isMissingNode() && (!limit.isInt() || limit.asInt() < 1 || limit.asInt() > MAX_LIMIT)) {
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the impact request does not meet the contract", errors);
        }
        return limit.isMissingNode() ? DEFAULT_LIMIT : limit.asInt();
    }

    private static int versionNumber(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemResponses.notFound());
        }
    }
}
