package ir.hamyar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/** What differs between a recorded decision and the same input decided again. */
final class Differences {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Differences() {}

    static List<Difference> between(Replayer.Outcome recorded, Replayer.Outcome replayed) {
        List<Difference> differences = new ArrayList<>();
        ArrayNode lost = missingFrom(replayed.conclusions(), recorded.conclusions());
        ArrayNode gained = missingFrom(recorded.conclusions(), replayed.conclusions());
        if (!lost.isEmpty() || !gained.isEmpty()) {
            differences.add(new Difference("conclusions", lost, gained));
        }
        if (!recorded.firedRules().equals(replayed.firedRules())) {
            differences.add(new Difference(
                    "firedRules", JSON.valueToTree(recorded.firedRules()), JSON.valueToTree(replayed.firedRules())));
        }
        return differences;
    }

    /** Conclusions reduced to what they decide: type, subject and value. */
    static ArrayNode outcomes(JsonNode conclusions) {
        ArrayNode reduced = JSON.createArrayNode();
        for (JsonNode conclusion : conclusions) {
            reduced.addObject()
                    .put("type", conclusion.path("type").asText())
                    .put("subject", conclusion.path("subject").asText())
                    .put("value", conclusion.path("value").asText());
        }
        return reduced;
    }

    /** The conclusions of {@code from} that {@code other} does not have (as a multiset). */
    static ArrayNode missingFrom(ArrayNode other, ArrayNode from) {
        List<JsonNode> remaining = new ArrayList<>();
        other.forEach(remaining::add);
        ArrayNode missing = JSON.createArrayNode();
        for (JsonNode conclusion : from) {
            if (!remaining.remove(conclusion)) {
                missing.add(conclusion);
            }
        }
        return missing;
    }

    /**
     * A difference: for {@code conclusions}, those recorded but not drawn again and those drawn only now; for
     * {@code firedRules}, both firing sequences.
     */
    record Difference(String what, JsonNode recorded, JsonNode replayed) {}
}
