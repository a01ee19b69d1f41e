package ir.hamyar.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Canary strings in every field of every kind of request, valid and not: no error body repeats one, none shows a
 * stack trace or SQL, and no log line contains one. A decision (200) repeats a ref only where the contract returns it,
 * as {@code subjectRef} and as a conclusion's {@code subject}; the idempotency key, a canary of its own, comes back in
 * no answer at all.
 */
@QuarkusTest
class NoLeaksTest {

    private static final String CANARY = "Maryam-Canary-7731";
    private static final String KEY_CANARY = "Key-Canary-4417";
    private static final Path LOG = Path.of("target/quarkus-test.log");

    @Test
    void noCanaryReachesAnErrorBodyOrTheLog() throws IOException {
        List<Answer> answers = new ArrayList<>();
        for (Map.Entry<String, String> fixture : Map.of(
                        "family", "family-safehouse.json", "group", "group.json", "helper", "helper.json")
                .entrySet()) {
            for (String field : stringFields(Fixtures.load(fixture.getValue()))) {
                ObjectNode profile = Fixtures.load(fixture.getValue());
                Fixtures.with(profile, field, "\"" + CANARY + "-" + field.replace('/', '.') + "\"");
                answers.add(post(fixture.getKey(), profile.toString(), KEY_CANARY));
            }
            answers.add(
                    post(fixture.getKey(), Fixtures.unique(fixture.getValue()).toString(), KEY_CANARY));
            ObjectNode undefined = Fixtures.load(fixture.getValue());
            undefined.put("nationalId", CANARY);
            answers.add(post(fixture.getKey(), undefined.toString(), null));
            ObjectNode wrongType = Fixtures.load(fixture.getValue());
            wrongType.put("assessedOn", 20261120);
            wrongType.set("calendar", TextNode.valueOf(CANARY));
            answers.add(post(fixture.getKey(), wrongType.toString(), null));
            answers.add(post(fixture.getKey(), "{\"broken\": \"" + CANARY, null));
        }
        answers.add(post(
                "batch", "{\"items\":[{\"kind\":\"" + CANARY + "\",\"profile\":{\"x\":\"" + CANARY + "\"}}]}", null));

        assertThat(answers.stream().filter(answer -> answer.status() != 200).map(Answer::body))
                .isNotEmpty()
                .allSatisfy(body -> assertThat(body)
                        .doesNotContain(CANARY)
                        .doesNotContainIgnoringCase("exception")
                        .doesNotContainIgnoringCase("select ")
                        .doesNotContain("at ir.hamyar"));
        List<Answer> decided =
                answers.stream().filter(answer -> answer.status() == 200).toList();
        assertThat(decided)
                .as("the 200s: decisions for a canary ref or a plain fixture, and the batch's answer")
                .hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(answer -> assertThat(withoutEchoedRefs(answer.body()))
                        .as("a 200 answer beside the subjectRef and conclusion subjects")
                        .doesNotContain(CANARY)
                        .doesNotContain("at ir.hamyar"));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.body() + answer.headers())
                .as("answer and headers")
                .doesNotContain(KEY_CANARY));
        assertThat(Files.readAllLines(LOG))
                .as("the test log, written by this run")
                .anyMatch(line -> line.contains("Profile test activated"))
                .noneMatch(line -> line.contains(CANARY) || line.contains(KEY_CANARY));
    }

    private record Answer(int status, String body, String headers) {}

    private static Answer post(String kind, String body, String idempotencyKey) {
        var request = Api.asIntake().body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey + "-" + Math.abs(body.hashCode()));
        }
        var response = request.post("/api/v1/decisions/" + kind).then().extract();
        return new Answer(
                response.statusCode(), response.asString(), response.headers().toString());
    }

    /** A decision without the places the contract returns refs in: subjectRef and each conclusion's subject. */
    private static String withoutEchoedRefs(String decision) {
        try {
            ObjectNode answer = (ObjectNode) Fixtures.JSON.readTree(decision);
            answer.remove("subjectRef");
            answer.path("conclusions").forEach(conclusion -> ((ObjectNode) conclusion).remove("subject"));
            return answer.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
