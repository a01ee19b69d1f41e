package ir.hamyar.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.Records;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Generated bad input for every POST endpoint and bad query strings for every GET, through the real service: every
 * answer is 2xx or a 4xx problem+json, none repeats a canary, none takes 2 s; valid decisions sent meanwhile are all
 * answered 200 and recorded once. Seeded, so a failure repeats; {@code -Dhamyar.fuzz.rounds} for a longer run.
 */
@QuarkusTest
class FuzzTest {

    private static final int ROUNDS = Integer.getInteger("hamyar.fuzz.rounds", 60);
    private static final String CANARY = "canary§7f3a";
    private static final List<String> KINDS = List.of("family", "group", "helper");

    @Inject
    AgroalDataSource dataSource;

    private final Random random = new Random(20261202L);
    private final List<String> failures = new ArrayList<>();

    @Test
    void noGeneratedInputGetsAnythingButAPromptClearRefusalOrAnAnswer() throws Exception {
        CompletableFuture<List<String>> valid = CompletableFuture.supplyAsync(this::validDecisionsMeanwhile);
        for (int round = 0; round < ROUNDS; round++) {
            for (String kind : KINDS) {
                check("POST /decisions/" + kind, () -> intake().body(mutated(fixture(kind)))
                        .post("/api/v1/decisions/" + kind));
            }
            check("POST /decisions/batch", () -> intake().body(batch()).post("/api/v1/decisions/batch"));
            check(
                    "POST /rulesets",
                    () -> Api.as("policy").body(rulesetChanges()).post("/api/v1/rulesets"));
            check("POST /activate", () -> Api.as("policy")
                    .body(mutated(Fixtures.JSON.createObjectNode().put("comment", "x")))
                    .post("/api/v1/rulesets/" + pathSegment() + "/activate"));
            check("POST /impact", () -> Api.as("policy")
                    .body(mutated(Fixtures.JSON.createObjectNode().put("limit", 2)))
                    .post("/api/v1/rulesets/" + pathSegment() + "/impact"));
            check("POST /replay", () -> Api.as("auditor").post("/api/v1/audit/decisions/" + pathSegment() + "/replay"));
            check("GET /audit/decisions", () -> Api.as("auditor")
                    .urlEncodingEnabled(false)
                    .get("/api/v1/audit/decisions?"
                            + badQuery(
                                    "subjectRef",
                                    "kind",
                                    "rule",
                                    "type",
                                    "value",
                                    "rulesetVersion",
                                    "from",
                                    "to",
                                    "page",
                                    "size")));
            check("GET /audit/failures", () -> Api.as("auditor")
                    .urlEncodingEnabled(false)
                    .get("/api/v1/audit/failures?" + badQuery("rulesetVersion", "rule", "from", "to", "page", "size")));
            check("GET /audit/events", () -> Api.as("auditor")
                    .urlEncodingEnabled(false)
                    .get("/api/v1/audit/events?" + badQuery("version", "action", "from", "to", "page", "size")));
            check("GET /audit/rules", () -> Api.as("auditor")
                    .urlEncodingEnabled(false)
                    .get("/api/v1/audit/rules?" + badQuery("from", "to")));
            check(
                    "GET /rulesets/x",
                    () -> Api.as("policy").urlEncodingEnabled(false).get("/api/v1/rulesets/" + pathSegment()));
            check("GET /rulesets/x/files", () -> Api.as("policy")
                    .urlEncodingEnabled(false)
                    .get("/api/v1/rulesets/active/files/" + pathSegment()));
            check("GET /diff", () -> Api.as("policy")
                    .urlEncodingEnabled(false)
                    .get("/api/v1/rulesets/" + pathSegment() + "/diff/" + pathSegment()));
            check("GET /decisions/x", () -> intake().urlEncodingEnabled(false)
                    .get("/api/v1/decisions/" + pathSegment()));
        }
        List<String> validProblems = valid.get();

        assertThat(failures).isEmpty();
        assertThat(validProblems).isEmpty();
    }

    private void check(String what, Supplier<Response> call) {
        long started = System.nanoTime();
        Response answer = call.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        int status = answer.statusCode();
        String body = answer.asString();
        if (status >= 500 || status < 200) {
            failures.add(what + ": status " + status + " " + body);
        } else if (status >= 400 && !Api.PROBLEM_JSON.equals(answer.contentType())) {
            failures.add(what + ": " + status + " with " + answer.contentType());
        }
        if (body.contains(CANARY) || answer.headers().toString().contains(CANARY)) {
            failures.add(what + ": the answer repeats what was sent");
        }
        if (millis > 2_000) {
            failures.add(what + ": took " + millis + " ms");
        }
    }

    /** One valid helper decision after another while the fuzz runs, each under its own key: all 200, each once. */
    private List<String> validDecisionsMeanwhile() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String key = "fuzz-meanwhile-" + i + "-" + System.nanoTime();
            int status = intake().header("Idempotency-Key", key)
                    .body(Fixtures.unique("helper.json").toString())
                    .post("/api/v1/decisions/helper")
                    .statusCode();
            if (status != 200 || Records.countForKey(dataSource, "intake", key) != 1) {
                problems.add("valid decision " + i + ": " + status);
            }
        }
        return problems;
    }

    private static RequestSpecification intake() {
        return Api.asIntake();
    }

    private static ObjectNode fixture(String kind) {
        return Fixtures.unique(
                switch (kind) {
                    case "family" -> "family-safehouse.json";
                    case "group" -> "group.json";
                    default -> "helper.json";
                });
    }

    private String batch() {
        ObjectNode batch = Fixtures.JSON.createObjectNode();
        ArrayNode items = batch.putArray("items");
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String kind = KINDS.get(random.nextInt(KINDS.size()));
            items.addObject().put("kind", kind).set("profile", fixture(kind));
        }
        return mutated(batch);
    }

    private String rulesetChanges() {
        ObjectNode changes =
                Fixtures.JSON.createObjectNode().put("baseVersion", 1).put("comment", "fuzz");
        changes.putObject("files").put("safehouse/fuzz.drl", "package safehouse;\n" + CANARY);
        return mutated(changes);
    }

    /** The body with one kind of damage: a value replaced, a field added, broken text, a foreign encoding. */
    private String mutated(ObjectNode body) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            String text = body.toString();
            return text.substring(0, random.nextInt(Math.max(1, text.length())));
        }
        if (kind == 1) {
            return new String(body.toString().getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1);
        }
        if (kind == 2) {
            return "[".repeat(200 + random.nextInt(2_000)) + "]".repeat(10);
        }
        if (kind == 3) {
            String text = body.toString();
            int brace = text.indexOf('{');
            return text.substring(0, brace + 1) + "\"" + firstField(body) + "\":1," + text.substring(brace + 1);
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(body, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode damage = damage();
        if (target instanceof ObjectNode object && object.size() > 0 && random.nextInt(4) > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.set(names.get(random.nextInt(names.size())), damage);
        } else if (target instanceof ObjectNode object) {
            object.set("extra" + random.nextInt(100), damage);
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(damage);
            } else {
                array.set(random.nextInt(array.size()), damage);
            }
        }
        return body.toString();
    }

    private JsonNode damage() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(14)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.textNode(CANARY);
            case 2 -> nodes.textNode(" ");
            case 3 -> nodes.textNode(CANARY + "\u0000");
            case 4 -> nodes.textNode(CANARY + "x".repeat(5_000 + random.nextInt(5_000)));
            case 5 -> nodes.numberNode(random.nextLong());
            case 6 -> nodes.numberNode(random.nextDouble() * 1e300);
            case 7 -> nodes.booleanNode(random.nextBoolean());
            case 8 ->
                nodes.textNode(List.of("1404-12-30", "2026-02-30", "۱۴۰۵/۰۹/۱۱", "0000-00-00", "9999-12-31")
                        .get(random.nextInt(5)));
            case 9 -> {
                ArrayNode many = nodes.arrayNode();
                for (int i = 0; i < 100 + random.nextInt(400); i++) {
                    many.add(random.nextBoolean() ? nodes.nullNode() : nodes.objectNode());
                }
                yield many;
            }
            case 10 -> {
                ObjectNode deep = nodes.objectNode();
                ObjectNode at = deep;
                for (int i = 0; i < 5 + random.nextInt(40); i++) {
                    at = at.putObject("n");
                }
                at.put("v", CANARY);
                yield deep;
            }
            case 11 -> nodes.textNode(CANARY + "\u202e\ufeff\u0007");
            case 12 -> nodes.objectNode().put("x", CANARY);
            default -> nodes.arrayNode().add(CANARY).addNull();
        };
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collect(children.next(), containers);
            }
        }
    }

    private static String firstField(ObjectNode body) {
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        return fields.hasNext() ? fields.next().getKey() : "x";
    }

    private String badQuery(String... parameters) {
        StringBuilder query = new StringBuilder();
        for (String parameter : parameters) {
            if (random.nextInt(3) == 0) {
                query.append(query.length() == 0 ? "" : "&")
                        .append(parameter)
                        .append('=')
                        .append(badValue());
            }
        }
        if (query.length() == 0) {
            query.append(parameters[0]).append('=').append(badValue());
        }
        return query.toString();
    }

    private String badValue() {
        return List.of(
                        "%00",
                        "abc",
                        "1.5",
                        "2147483648",
                        "-1",
                        "%E2%80%AE",
                        "%20",
                        "1405-13-01",
                        "2026-02-30T25:00Z",
                        "x".repeat(300),
                        "%C3%28",
                        CANARY.replace("§", "%C2%A7"),
                        "%5B%5D",
                        "%7B%7D",
                        "null",
                        "0")
                .get(random.nextInt(16));
    }

    private String pathSegment() {
        return List.of(
                        "0",
                        "-1",
                        "abc",
                        "%00",
                        "99999999999",
                        "active",
                        "%2e%2e",
                        "1",
                        "x".repeat(200),
                        "00000000-0000-0000-0000-000000000000",
                        "%C2%A7")
                .get(random.nextInt(11));
    }
}
