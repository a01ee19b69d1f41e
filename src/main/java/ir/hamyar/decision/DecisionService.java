package ir.hamyar.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.problem.Problem;
import ir.hamyar.problem.ProblemException;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.profile.StrictJson;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.ruleset.ActiveVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Decides single and batched requests and answers only what is on record. */
@ApplicationScoped
public class DecisionService {

    static final int MAX_BATCH_ITEMS = 500;
    private static final Set<String> ITEM_FIELDS = Set.of("kind", "idempotencyKey", "profile");

    private final ActiveRuleset active;
    private final DecisionMaker maker;
    private final DecisionStore store;
    private final EvaluationFailures failures;
    private final ObjectMapper mapper;

    public DecisionService(
            ActiveRuleset active,
            DecisionMaker maker,
            DecisionStore store,
            EvaluationFailures failures,
            ObjectMapper mapper) {
        this.active = active;
        this.maker = maker;
        this.store = store;
        this.failures = failures;
        this.mapper = mapper;
    }

    public DecisionAnswer decide(ProfileKind kind, byte[] body, String idempotencyKey, String caller) {
        IdempotencyKeys.check(idempotencyKey, "Idempotency-Key");
        ActiveVersion version = active.current();
        long started = System.nanoTime();
        NewDecision decision;
        try {
            decision = maker.decide(
                    version,
                    kind,
                    StrictJson.parse(body),
                    new String(body, StandardCharsets.UTF_8),
                    "",
                    idempotencyKey,
                    caller);
        } catch (RuleFailure failure) {
            failures.record(List.of(failure.evaluation()));
            throw new ProblemException(failure.evaluation().problem());
        }
        long decided = System.nanoTime();
        RecordedDecision recorded = store.record(List.of(decision)).get(0);
        return new DecisionAnswer(
                answer(decision, recorded), !recorded.fresh(), decided - started, System.nanoTime() - decided);
    }

    public String batch(byte[] body, String caller) {
        ArrayNode items = batchItems(StrictJson.parse(body));
        ActiveVersion version = active.current();
        List<Object> outcomes = new ArrayList<>(items.size());
        List<NewDecision> decisions = new ArrayList<>();
        List<FailedEvaluation> failed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                NewDecision decision = decideItem(version, items.get(i), "items[" + i + "]", caller);
                decisions.add(decision);
                outcomes.add(decision);
            } catch (ProblemException e) {
                outcomes.add(e.problem());
            } catch (RuleFailure failure) {
                failed.add(failure.evaluation());
                outcomes.add(failure.evaluation().problem());
            }
        }
        failures.record(failed);
        Iterator<RecordedDecision> recorded = store.record(decisions).iterator();
        ArrayNode results = mapper.createArrayNode();
        for (Object outcome : outcomes) {
            if (outcome instanceof NewDecision decision) {
                results.add(itemResult(decision, recorded.next()));
            } else {
                results.add(mapper.valueToTree(outcome));
            }
        }
        ObjectNode response = mapper.createObjectNode();
        response.set("results", results);
        return response.toString();
    }

    /** The recorded decision, if it exists and the caller may see it (intake devices see only their own). */
    public Optional<String> find(String decisionId, String caller, boolean seesAll) {
        UUID id;
        try {
            id = UUID.fromString(decisionId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return DecisionEntity.<DecisionEntity>findByIdOptional(id)
                .filter(entity -> seesAll || entity.caller.equals(caller))
                .map(entity -> entity.response);
    }

    private NewDecision decideItem(ActiveVersion version, JsonNode item, String path, String caller) {
        if (!item.isObject()) {
            throw new InvalidInputException(
                    new FieldError(path, "must be an object with kind, idempotencyKey and profile"));
        }
        rejectFieldsOutside(item, ITEM_FIELDS, path + ".");
        ProfileKind kind = ProfileKind.fromWireName(item.path("kind").asText())
                .orElseThrow(() -> new InvalidInputException(
                        new FieldError(path + ".kind", "must be one of family, group, helper")));
        JsonNode keyNode = item.path("idempotencyKey");
        if (!keyNode.isMissingNode() && !keyNode.isNull() && !keyNode.isTextual()) {
            throw new InvalidInputException(new FieldError(path + ".idempotencyKey", "must be a string"));
        }
        String key = IdempotencyKeys.check(keyNode.isTextual() ? keyNode.asText() : null, path + ".idempotencyKey");
        JsonNode profile = item.path("profile");
        if (!profile.isObject()) {
            throw new InvalidInputException(new FieldError(path + ".profile", "is required and must be an object"));
        }
        return maker.decide(version, kind, profile, profile.toString(), path + ".profile", key, caller);
    }

    private ArrayNode batchItems(JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidInputException(new FieldError("", "must be an object with items"));
        }
        rejectFieldsOutside(root, Set.of("items"), "");
        JsonNode items = root.path("items");
        if (!items.isArray() || items.isEmpty() || items.size() > MAX_BATCH_ITEMS) {
            throw new InvalidInputException(new FieldError("items", "must be an array of 1 to 500 items"));
        }
        return (ArrayNode) items;
    }

    /** Batch envelopes are read as trees, so their undefined fields are refused here, as StrictJson does for profiles. */
    private static void rejectFieldsOutside(JsonNode node, Set<String> defined, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!defined.contains(name)) {
                throw new InvalidInputException(new FieldError(prefix + name, "is not defined by the contract"));
            }
        }
    }

    private JsonNode itemResult(NewDecision decision, RecordedDecision recorded) {
        try {
            return mapper.readTree(answer(decision, recorded));
        } catch (ProblemException e) {
            return mapper.valueToTree(e.problem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON on record under the key: this decision, or the earlier one for the same request; else 409. */
    private static String answer(NewDecision decision, RecordedDecision recorded) {
        if (recorded.fresh() || recorded.requestSha256().equals(decision.requestSha256())) {
            return recorded.responseJson();
        }
        throw new ProblemException(Problem.of(
                409,
                "idempotency-conflict",
                "Idempotency-Key reused",
                "this Idempotency-Key was already used with a different request"));
    }
}
