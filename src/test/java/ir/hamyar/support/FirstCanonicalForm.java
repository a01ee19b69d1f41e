package ir.hamyar.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import ir.hamyar.json.Json;

/**
 * A request's canonical text as the first builds wrote it (the tree turned into maps, written with sorted keys): what
 * {@link Json#canonical} must keep matching byte for byte, and what {@code RequestHashBenchmark} measures it against.
 */
public final class FirstCanonicalForm {

    private static final ObjectWriter SORTED_MAPS =
            Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private FirstCanonicalForm() {}

    public static String of(JsonNode node) throws JsonProcessingException {
        return SORTED_MAPS.writeValueAsString(Json.MAPPER.convertValue(node, Object.class));
    }
}
