package ir.hamyar.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.support.FirstCanonicalForm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A request's hash is made from its canonical text, and a caller resending after an upgrade must still match the hash
 * kept with its Idempotency-Key: the text written straight from the tree must be, byte for byte, what the first form
 * (the tree turned into maps, written with sorted keys) wrote, for every body we know and for the awkward ones.
 */
class CanonicalJsonTest {

    @Test
    void everyFixtureAndScenarioProfileIsWrittenAsTheFirstFormWroteIt() throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        for (Path file : files(Path.of("src/test/resources"), ".json")) {
            bodies.add(Json.MAPPER.readTree(file.toFile()));
        }
        for (Path file : files(Path.of("rules"), ".scenarios.yaml")) {
            for (JsonNode scenario : Json.YAML.readTree(file.toFile()).path("scenarios")) {
                JsonNode given = scenario.get("given");
                bodies.add(given);
                // as it arrives over REST: JSON text parsed, not YAML
                bodies.add(Json.MAPPER.readTree(Json.write(given)));
            }
        }
        assertThat(bodies).hasSizeGreaterThan(100);
        for (JsonNode body : bodies) {
            assertThat(Json.canonical(body)).isEqualTo(FirstCanonicalForm.of(body));
        }
    }

    @Test
    void awkwardValuesAreWrittenAsTheFirstFormWroteThem() throws IOException {
        String awkward =
                """
                {"b": 1, "a": [3, 2.5, -0.0, 0.1, 1E+2, 1.0e-7, 1e400, -1e400, 0, -7],
                 "big": 123456789012345678901234567890, "long": 9223372036854775807, "neg": -9223372036854775808,
                 "B": "upper", "آ": "خانواده 😀", "_": "\\u0001\\n\\t\\"\\\\/", "10": null, "9": true, "": false,
                 "lone": "a\\ud800b", "pair": "\\ud83d\\ude00", "nested": {"z": {}, "y": [], "x": [{"d": 1, "c": 2}]},
                 "zero": 0.0, "ten": 10.50}""";
        JsonNode body = Json.MAPPER.readTree(awkward);
        assertThat(Json.canonical(body)).isEqualTo(FirstCanonicalForm.of(body));
        assertThat(Json.canonical(body).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(FirstCanonicalForm.of(body).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keyOrderAndSpacingDoNotChangeTheText() throws IOException {
        assertThat(Json.canonical(Json.MAPPER.readTree("{ \"b\" : [1, {\"y\":2, \"x\":1}], \"a\": \"s\" }")))
                .isEqualTo("{\"a\":\"s\",\"b\":[1,{\"x\":1,\"y\":2}]}");
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
