package ir.hamyar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.ledger.DecisionRecords;
import ir.hamyar.ledger.StoredDecision;
import ir.hamyar.ruleset.StoredRulesets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    public Impact(DecisionRecords records, Replayer replayer, StoredRulesets rulesets) {
        this.records = records;
        this.replayer = replayer;
        this.rulesets = rulesets;
    }

    public Report of(int version, int limit) {
        CompiledRuleset ruleset = rulesets.compiled(version);
        List<Change> changes = new ArrayList<>();
        Map<String, Integer> transitions = new TreeMap<>();
        List<StoredDecision> latest = records.latest(limit);
        for (StoredDecision decision : latest) {
            ArrayNode before = Differences.outcomes(Replayer.recorded(decision).conclusions());
            ArrayNode after =
                    Differences.outcomes(replayer.replay(decision, ruleset).conclusions());
            ArrayNode lost = Differences.missingFrom(after, before);
            ArrayNode gained = Differences.missingFrom(before, after);
            if (!lost.isEmpty() || !gained.isEmpty()) {
                changes.add(new Change(decision.asked().id().toString(), lost, gained));
                count(transitions, lost, gained);
            }
        }
        return new Report(version, latest.size(), changes.size(), transitions, changes);
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

    /** The impact of a version on the latest decisions: how many were replayed and changed, and how. */
    public record Report(
            int version, int replayed, int changed, Map<String, Integer> transitions, List<Change> changes) {}

    /** A decision whose conclusions would change: those it would lose ({@code before}) and gain ({@code after}). */
    public record Change(
            String decisionId,
            @Schema(type = SchemaType.ARRAY, implementation = Outcome.class, description = "conclusions lost")
                    JsonNode before,
            @Schema(type = SchemaType.ARRAY, implementation = Outcome.class, description = "conclusions gained")
                    JsonNode after) {}
}
