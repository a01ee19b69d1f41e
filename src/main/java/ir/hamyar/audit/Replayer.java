package ir.hamyar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import ir.hamyar.calendar.IranTime;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.evaluation.Evaluated;
import ir.hamyar.evaluation.Evaluations;
import ir.hamyar.json.Json;
import ir.hamyar.json.JsonLimits;
import ir.hamyar.json.StrictJson;
import ir.hamyar.ledger.Erased;
import ir.hamyar.ledger.StoredDecision;
import ir.hamyar.problem.DomainException;
import ir.hamyar.profile.ProfileKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides a recorded input again, as it was decided: the same profile text, read as of the day it was decided (so
 * a missing {@code assessedOn} means that day again), under the given compiled ruleset. Records nothing.
 */
@ApplicationScoped
public class Replayer {

    private final Evaluations evaluations;

    public Replayer(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    /** Decides the recorded input again; 409 once its subject was erased (the input is gone). */
    public Outcome replay(StoredDecision decision, CompiledRuleset ruleset) {
        if (decision.isErased()) {
            throw erased(decision);
        }
        Evaluated evaluated = evaluations.evaluate(
                ruleset,
                ProfileKind.fromWireName(decision.asked().kind()).orElseThrow(),
                StrictJson.parse(decision.asked().input().getBytes(StandardCharsets.UTF_8), JsonLimits.PROFILE),
                "",
                IranTime.dateOf(decision.asked().at()));
        return new Outcome((ArrayNode) Json.asAnswered(evaluated.conclusions()), evaluated.firedRules());
    }

    /** What the decision recorded: its conclusions as answered and the rules that fired, in order. */
    public static Outcome recorded(StoredDecision decision) {
        if (decision.answered().response() == null) {
            return new Outcome(
                    Json.MAPPER.createArrayNode(), decision.answered().terms().firedRules());
        }
        JsonNode response = Json.readOwn(decision.answered().responseText());
        List<String> fired = new ArrayList<>();
        response.path("firedRules").forEach(rule -> fired.add(rule.path("rule").asText()));
        return new Outcome((ArrayNode) response.path("conclusions"), fired);
    }

    static DomainException.Conflict erased(StoredDecision decision) {
        Erased erased = decision.erased();
        return DomainException.Conflict.erased(
                "the input and answer of decision " + decision.asked().id() + " were erased at " + erased.at() + " by "
                        + erased.by() + ": it cannot be decided again");
    }

    /** Conclusions as answered, and fired rules in firing order. */
    public record Outcome(ArrayNode conclusions, List<String> firedRules) {}
}
