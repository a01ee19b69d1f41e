package ir.hamyar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import ir.hamyar.decision.ConclusionView;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.Evaluation;
import ir.hamyar.engine.Evaluator;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.profile.ProfileReader;
import ir.hamyar.profile.ReadProfile;
import ir.hamyar.profile.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides a recorded input again, as it was decided: the same profile text, read as of the day it was decided (so
 * a missing {@code assessedOn} means that day again), under the given compiled ruleset. Records nothing.
 */
@ApplicationScoped
public class Replayer {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private final ProfileReader reader;
    private final Evaluator evaluator;
    private final ObjectMapper mapper;

    public Replayer(ProfileReader reader, Evaluator evaluator, ObjectMapper mapper) {
        this.reader = reader;
        this.evaluator = evaluator;
        this.mapper = mapper;
    }

    public Outcome replay(StoredDecision decision, CompiledRuleset ruleset) {
        ProfileKind kind = ProfileKind.fromWireName(decision.record().kind()).orElseThrow();
        JsonNode input = StrictJson.parse(decision.record().input().getBytes(StandardCharsets.UTF_8));
        ReadProfile profile = reader.read(
                kind,
                input,
                "",
                ruleset.indicators(),
                LocalDate.ofInstant(decision.record().decidedAt(), TEHRAN));
        Evaluation evaluation = evaluator.evaluate(ruleset, profile.facts());
        List<ConclusionView> conclusions =
                evaluation.findings().stream().map(ConclusionView::of).toList();
        return new Outcome(asAnswered(conclusions), evaluation.firedRules());
    }

    /**
     * The conclusions as a response carries them: written to JSON text and read back, as the recorded response is,
     * so that numbers compare alike (a mean of 1.0 is not the integer 1 to a JSON tree).
     */
    private ArrayNode asAnswered(List<ConclusionView> conclusions) {
        try {
            return (ArrayNode) mapper.readTree(mapper.writeValueAsString(conclusions));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("conclusions always serialise", e);
        }
    }

    /** What the decision recorded: its conclusions and the rules that fired, in order. */
    public Outcome recorded(StoredDecision decision) {
        try {
            JsonNode response = mapper.readTree(decision.record().response());
            List<String> fired = new ArrayList<>();
            response.path("firedRules")
                    .forEach(rule -> fired.add(rule.path("rule").asText()));
            return new Outcome((ArrayNode) response.path("conclusions"), fired);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a recorded response is JSON", e);
        }
    }

    /** Conclusions as answered, and fired rules in firing order. */
    public record Outcome(ArrayNode conclusions, List<String> firedRules) {}
}
