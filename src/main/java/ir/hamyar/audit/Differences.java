package ir.hamyar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import ir.hamyar.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What differs between a recorded decision and the same input decided again. */
public final class Differences {

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
                    "firedRules",
                    Json.MAPPER.valueToTree(recorded.firedRules()),
                    Json.MAPPER.valueToTree(replayed.firedRules())));
        }
        return differences;
    }

    /** Conclusions reduced to what they decide: type, subject and value. */
    static ArrayNode outcomes(JsonNode conclusions) {
        ArrayNode reduced = Json.MAPPER.createArrayNode();
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
        ArrayNode missing = Json.MAPPER.createArrayNode();
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
    public record Difference(
            @Schema(enumeration = {"conclusions", "firedRules"}) String what,
            @Schema(
                            type = SchemaType.ARRAY,
                            implementation = Entry.class,
                            description = "conclusions recorded only, or the recorded firing order")
                    JsonNode recorded,
            @Schema(
                            type = SchemaType.ARRAY,
                            implementation = Entry.class,
                            description = "conclusions drawn only now, or the new firing order")
                    JsonNode replayed) {}

    /** For the API description: a conclusion as answered (what: conclusions) or a rule id (what: firedRules). */
    @Schema(name = "DifferenceEntry", description = "a Conclusion, or a rule id")
    public interface Entry {}
}
