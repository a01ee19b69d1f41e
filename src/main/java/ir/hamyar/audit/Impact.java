package ir.hamyar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.ledger.CaseworkerOverride;
import ir.hamyar.ledger.DecisionRecords;
import ir.hamyar.ledger.OverrideChain;
import ir.hamyar.ledger.StoredDecision;
import ir.hamyar.ledger.StoredOverride;
import ir.hamyar.ruleset.StoredRulesets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a version (typically a draft) would change: the most recent recorded decisions decided again under it and
 * compared on what they concluded (type, subject, value). Nothing is recorded and no decision waits on it.
 */
@ApplicationScoped
public class Impact {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;

    private final DecisionRecords records;
    private final Replayer replayer;
    private final StoredRulesets rulesets;
    private final OverrideChain overrideChain;

    public Impact(DecisionRecords records, Replayer replayer, StoredRulesets rulesets, OverrideChain overrideChain) {
        this.records = records;
        this.replayer = replayer;
        this.rulesets = rulesets;
        this.overrideChain = overrideChain;
    }

    public Report of(int version, int limit) {
        CompiledRuleset ruleset = rulesets.compiled(version);
        List<Change> changes = new ArrayList<>();
        List<Agreement> overridden = new ArrayList<>();
        Map<String, Integer> transitions = new TreeMap<>();
        List<StoredDecision> latest = records.latest(limit);
        Map<UUID, List<StoredOverride>> overrides = overrideChain.of(
                latest.stream().map(decision -> decision.asked().id()).toList());
        for (StoredDecision decision : latest) {
            ArrayNode before = Differences.outcomes(Replayer.recorded(decision).conclusions());
            ArrayNode after =
                    Differences.outcomes(replayer.replay(decision, ruleset).conclusions());
            ArrayNode lost = Differences.missingFrom(after, before);
            ArrayNode gained = Differences.missingFrom(before, after);
            List<StoredOverride> made = overrides.get(decision.asked().id());
            Boolean agrees = made == null ? null : agreesWithEvery(made, after);
            if (agrees != null) {
                overridden.add(new Agreement(decision.asked().id().toString(), agrees));
            }
            if (!lost.isEmpty() || !gained.isEmpty()) {
                changes.add(new Change(decision.asked().id().toString(), lost, gained, agrees));
                count(transitions, lost, gained);
            }
        }
        long agreed = overridden.stream().filter(Agreement::agreesWithOverride).count();
        return new Report(
                version, latest.size(), changes.size(), transitions, changes, overridden.size(), agreed, overridden);
    }

    /** Does the version conclude, for each overridden conclusion, what the latest caseworker chose? */
    private static boolean agreesWithEvery(List<StoredOverride> overrides, ArrayNode after) {
        Map<List<String>, String> chosen = new HashMap<>();
        overrides.forEach(stored ->
                chosen.put(stored.override().conclusion(), stored.override().to()));
        return chosen.entrySet().stream().allMatch(choice -> {
            for (JsonNode conclusion : after) {
                if (CaseworkerOverride.conclusion(conclusion).equals(choice.getKey())
                        && conclusion.path("value").asText().equals(choice.getValue())) {
                    return true;
                }
            }
            return false;
        });
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

    /**
     * The impact of a version on the latest decisions: how many were replayed and changed, and how; of those that
     * caseworkers overrode, how many the version would decide as they did.
     */
    public record Report(
            int version,
            int replayed,
            int changed,
            Map<String, Integer> transitions,
            List<Change> changes,
            long overridesReplayed,
            long overridesAgreed,
            List<Agreement> overridden) {}

    /** A replayed decision that caseworkers overrode: does the version conclude what they chose (the latest of each)? */
    public record Agreement(String decisionId, boolean agreesWithOverride) {}

    /** A decision whose conclusions would change: those it would lose ({@code before}) and gain ({@code after}). */
    public record Change(
            String decisionId,
            @Schema(type = SchemaType.ARRAY, implementation = Outcome.class, description = "conclusions lost")
                    JsonNode before,
            @Schema(type = SchemaType.ARRAY, implementation = Outcome.class, description = "conclusions gained")
                    JsonNode after,
            @Schema(
                            description =
                                    "for an overridden decision: does this version conclude what the caseworker chose",
                            nullable = true)
                    Boolean agreesWithOverride) {}
}
