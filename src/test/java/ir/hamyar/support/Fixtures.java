package ir.hamyar.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** Request bodies from {@code src/test/resources/fixtures}, changed field by field for each case. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    public static ObjectNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with its profile ref made unique, so each test finds only its own records. */
    public static ObjectNode unique(String name) {
        ObjectNode body = load(name);
        String refField = body.has("familyRef") ? "familyRef" : body.has("groupRef") ? "groupRef" : "helperRef";
        body.put(refField, "T-" + UUID.randomUUID().toString().substring(0, 18));
        return body;
    }

    /** Sets the value at a JSON pointer ({@code /members/0/birthDate}); {@code json} is parsed as JSON. */
    public static ObjectNode with(ObjectNode body, String pointer, String json) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = body.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        JsonNode value = parse(json);
        if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (index < array.size()) {
                array.set(index, value);
            } else {
                array.add(value);
            }
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return body;
    }

    /**
     * The safe-house family (a new ref) with all fifteen catalogued indicators answered 3 but SAFETY, so that it is
     * tiered: SAFETY 1 makes it HARMED, 3 leaves it STABLE.
     */
    public static ObjectNode tieredFamily(int safety) {
        ObjectNode family = unique("family-safehouse.json");
        ObjectNode indicators = family.putObject("indicators");
        for (String indicator : List.of(
                "INCOME",
                "EMPLOYMENT",
                "HOUSING",
                "FOOD",
                "DEBT",
                "HEALTH",
                "SAFETY",
                "FAMILY_RELATIONS",
                "PARENTING",
                "SUBSTANCE_USE",
                "MENTAL_HEALTH",
                "SOCIAL_SUPPORT",
                "CHILD_EDUCATION",
                "ADULT_EDUCATION",
                "COMMUNITY_PARTICIPATION")) {
            indicators.put(indicator, 3);
        }
        indicators.put("SAFETY", safety);
        return family;
    }

    public static ObjectNode without(ObjectNode body, String pointer) {
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) body.at(pointer.substring(0, slash))).remove(pointer.substring(slash + 1));
        return body;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
