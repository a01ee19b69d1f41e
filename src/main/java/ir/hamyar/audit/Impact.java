package ir.hamyar.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.ledger.AuditReads;
import ir.hamyar.ledger.CaseworkerOverride;
import ir.hamyar.ledger.DecisionRecords;
import ir.hamyar.ledger.HeavyReads;
import ir.hamyar.ledger.OverrideChain;
import ir.hamyar.ledger.StoredDecision;
import ir.hamyar.ledger.StoredOverride;
import ir.hamyar.ruleset.StoredRulesets;
import ir.hamyar.security.Caller;
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
 * What a version (typically a draft) would change: the most recent recorded decisions of the caller's scope decided
 * again under it and compared on what they concluded (type, subject, value). Nothing is recorded and no decision waits
 * on it. Only a reader of decisions (an auditor) is shown which decisions change, and each she is shown is written to
 * "who looked"; everyone else gets counts and transitions (contract v1.2, "Privacy changes").
 */
@ApplicationScoped
public class Impact {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;

    /** Decisions opened and replayed at a time: what one impact holds in memory, whatever its limit. */
    private static final int BATCH = 200;

    private final DecisionRecords records;
    private final Replayer replayer;
    private final StoredRulesets rulesets;
    private final OverrideChain overrideChain;
    private final AuditReads reads;
    private final HeavyReads heavyReads;

    public Impact(
            DecisionRecords records,
            Replayer replayer,
            StoredRulesets rulesets,
            OverrideChain overrideChain,
            AuditReads reads,
            HeavyReads heavyReads) {
        this.heavyReads = heavyReads;
        this.records = records;
        this.replayer = replayer;
        this.rulesets = rulesets;
        this.overrideChain = overrideChain;
        this.reads = reads;
    }

    /**
     * The impact of a version on the latest {@code limit} decisions the reader's scope holds; with
     * {@code showsDecisions} (a reader of decisions) the changed decisions too, each recorded as read.
     */
    public Report of(int version, int limit, Caller reader, boolean showsDecisions) {
        return heavyReads.run(() -> replay(version, limit, reader, showsDecisions));
    }

    private Report replay(int version, int limit, Caller reader, boolean showsDecisions) {
        CompiledRuleset ruleset = rulesets.compiled(version);
        List<Change> changes = new ArrayList<>();
        List<Agreement> overridden = new ArrayList<>();
        Map<String, Integer> transitions = new TreeMap<>();
        int[] replayed = {0};
        records.latest(reader.scope(), limit, BATCH, batch -> {
            Map<UUID, List<StoredOverride>> overrides = overrideChain.of(
                    batch.stream().map(decision -> decision.asked().id()).toList());
            for (StoredDecision decision : batch) {
                replayed[0]++;
                ArrayNode before =
                        Differences.outcomes(Replayer.recorded(decision).conclusions());
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
        });
        long agreed = overridden.stream().filter(Agreement::agreesWithOverride).count();
        if (!showsDecisions) {
            return new Report(version, replayed[0], changes.size(), transitions, null, overridden.size(), agreed, null);
        }
        reads.decisions(
                reader,
                AuditReads.IMPACT,
                changes.stream()
                        .map(change -> UUID.fromString(change.decisionId()))
                        .toList());
        return new Report(
                version, replayed[0], changes.size(), transitions, changes, overridden.size(), agreed, overridden);
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
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Schema(description = "the changed decisions; only for an auditor, of its organisation(s)")
                    List<Change> changes,
            long overridesReplayed,
            long overridesAgreed,
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Schema(description = "the overridden decisions replayed; only for an auditor")
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
