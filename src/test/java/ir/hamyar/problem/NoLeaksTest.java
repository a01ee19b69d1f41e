package ir.hamyar.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Canary strings in every field of every kind of request, valid and not: no error body repeats one, none shows a
 * stack trace or SQL, and no log line contains one.
 */
@QuarkusTest
class NoLeaksTest {

    private static final String CANARY = "Maryam-Canary-7731";
    private static final Path LOG = Path.of("target/quarkus-test.log");

    @Test
    void noCanaryReachesAnErrorBodyOrTheLog() throws IOException {
        List<String> bodies = new ArrayList<>();
        for (Map.Entry<String, String> fixture : Map.of(
                        "family", "family-safehouse.json", "group", "group.json", "helper", "helper.json")
                .entrySet()) {
            for (String field : stringFields(Fixtures.load(fixture.getValue()))) {
                ObjectNode profile = Fixtures.load(fixture.getValue());
                Fixtures.with(profile, field, "\"" + CANARY + "-" + field.replace('/', '.') + "\"");
                bodies.add(post(fixture.getKey(), profile.toString(), CANARY + "-key"));
            }
            ObjectNode undefined = Fixtures.load(fixture.getValue());
            undefined.put("nationalId", CANARY);
            bodies.add(post(fixture.getKey(), undefined.toString(), null));
            ObjectNode wrongType = Fixtures.load(fixture.getValue());
            wrongType.put("assessedOn", 20261120);
            wrongType.set("calendar", TextNode.valueOf(CANARY));
            bodies.add(post(fixture.getKey(), wrongType.toString(), null));
            bodies.add(post(fixture.getKey(), "{\"broken\": \"" + CANARY, null));
        }
        bodies.add(post(
                "batch", "{\"items\":[{\"kind\":\"" + CANARY + "\",\"profile\":{\"x\":\"" + CANARY + "\"}}]}", null));

        assertThat(bodies).allSatisfy(body -> assertThat(body)
                .doesNotContain(CANARY)
                .doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("select ")
                .doesNotContain("at ir.hamyar"));
        assertThat(Files.readAllLines(LOG))
                .as("the test log, written by this run")
                .anyMatch(line -> line.contains("Profile test activated"))
                .noneMatch(line -> line.contains(CANARY));
    }

    /** Answers of 200 legitimately repeat the refs they decided for; every other answer is returned for checking. */
    private static String post(String kind, String body, String idempotencyKey) {
        var request = Api.asIntake().body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey + "-" + Math.abs(body.hashCode()));
        }
        var response = request.post("/api/v1/decisions/" + kind).then().extract();
        return response.statusCode() == 200 ? "" : response.asString();
    }

    /** JSON pointers of every string value in the profile. */
    private static List<String> stringFields(JsonNode node) {
        List<String> pointers = new ArrayList<>();
        collect(node, "", pointers);
        return pointers;
    }

    private static void collect(JsonNode node, String pointer, List<String> pointers) {
        if (node.isTextual()) {
            pointers.add(pointer);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, pointers);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), pointer + "/" + field.getKey(), pointers);
            }
        }
    }
}
