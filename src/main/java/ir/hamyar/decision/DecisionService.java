package ir.hamyar.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import ir.hamyar.json.Json;
import ir.hamyar.json.JsonLimits;
import ir.hamyar.json.StrictJson;
import ir.hamyar.json.Utf8Json;
import ir.hamyar.ledger.Answered;
import ir.hamyar.ledger.AuditReads;
import ir.hamyar.ledger.ChainWriter;
import ir.hamyar.ledger.DecisionRecords;
import ir.hamyar.ledger.FailedEvaluations;
import ir.hamyar.ledger.Failure;
import ir.hamyar.ledger.OverrideChain;
import ir.hamyar.ledger.OverrideView;
import ir.hamyar.ledger.StoredDecision;
import ir.hamyar.ledger.StoredOverride;
import ir.hamyar.problem.DomainException;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.problem.ProblemException;
import ir.hamyar.problem.ProblemResponses;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.ruleset.ActiveVersion;
import ir.hamyar.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Decides single and batched requests and answers only what is on record. */
@ApplicationScoped
public class DecisionService {

    static final int MAX_BATCH_ITEMS = 500;
    private static final Set<String> ITEM_FIELDS = Set.of("kind", "idempotencyKey", "profile");

    private final ActiveRuleset active;
    private final DecisionMaker maker;
    private final ChainWriter ledger;
    private final DecisionRecords records;
    private final FailedEvaluations failures;
    private final OverrideChain overrides;
    private final AuditReads reads;

    public DecisionService(
            ActiveRuleset active,
            DecisionMaker maker,
            ChainWriter ledger,
            DecisionRecords records,
            FailedEvaluations failures,
            OverrideChain overrides,
            AuditReads reads) {
        this.reads = reads;
        this.active = active;
        this.maker = maker;
        this.ledger = ledger;
        this.records = records;
        this.failures = failures;
        this.overrides = overrides;
    }

    /**
     * Decides on the caller's thread and answers once the decision is on record, without blocking it: an event loop
     * may call this. A rule failure is kept on a worker thread (a database write) and then answered as a problem.
     */
    public CompletionStage<DecisionAnswer> decide(ProfileKind kind, byte[] body, String idempotencyKey, Caller caller) {
        IdempotencyKeys.check(idempotencyKey, "Idempotency-Key");
        ActiveVersion version = active.current();
        long started = System.nanoTime();
        Answered decision;
        try {
            decision = maker.decide(
                    version,
                    kind,
                    StrictJson.parse(body, JsonLimits.PROFILE),
                    new String(body, StandardCharsets.UTF_8),
                    "",
                    idempotencyKey,
                    caller);
        } catch (RuleFailure failure) {
            // answered as the rule failure whether or not it could be kept (FailedEvaluations.keep's contract)
            return CompletableFuture.runAsync(
                            () -> failures.keep(List.of(failure.failure())), Infrastructure.getDefaultWorkerPool())
                    .handle((kept, notKept) -> {
                        throw new ProblemException(failure.problem());
                    });
        }
        long decided = System.nanoTime();
        return ledger.appendLater(List.of(decision)).thenApply(recorded -> {
            Answered onRecord = recorded.get(0);
            return new DecisionAnswer(
                    answer(decision, onRecord),
                    !onRecord.asked().id().equals(decision.asked().id()),
                    decided - started,
                    System.nanoTime() - decided);
        });
    }

    /** The batch's answer, {@code {"results": [...]}}, put together from the answers as recorded, not re-read. */
    public String batch(byte[] body, Caller caller) {
        ArrayNode items = batchItems(StrictJson.parse(body, JsonLimits.BATCH));
        ActiveVersion version = active.current();
        List<Object> outcomes = new ArrayList<>(items.size());
        List<Answered> decisions = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                Answered decision = decideItem(version, items.get(i), "items[" + i + "]", caller);
                decisions.add(decision);
                outcomes.add(decision);
            } catch (ProblemException e) {
                outcomes.add(e.problem());
            } catch (RuleFailure failure) {
                failed.add(failure.failure());
                outcomes.add(failure.problem());
            }
        }
        failures.keep(failed);
        Iterator<Answered> onRecord = ledger.append(decisions).iterator();
        StringJoiner results = new StringJoiner(",", "{\"results\":[", "]}");
        for (Object outcome : outcomes) {
            if (outcome instanceof Answered decision) {
                results.add(itemResult(decision, onRecord.next()));
            } else {
                results.add(Json.write(outcome));
            }
        }
        return results.toString();
    }

    /**
     * The recorded decision, if it exists and the caller may see it (intake: its organisation's), as it was answered,
     * with the caseworkers' overrides of it in order when there are any. A read by someone who did not make it
     * ({@code traced}: an auditor, an admin) is written to "who looked" like a read of the full record.
     */
    public Optional<String> find(String decisionId, Caller caller, boolean traced) {
        Optional<StoredDecision> found =
                records.find(decisionId).filter(stored -> stored.asked().visibleTo(caller));
        if (traced) {
            found.ifPresent(stored ->
                    reads.decision(caller, AuditReads.READ, stored.asked().id()));
        }
        return found.map(this::withOverrides);
    }

    private String withOverrides(StoredDecision stored) {
        if (stored.isErased()) {
            return erased(stored);
        }
        String response = stored.answered().responseText();
        if (response == null) {
            return null; // its data key is gone though no erasure says so: nothing to show, as for none at all
        }
        List<StoredOverride> made = overrides.of(stored.asked().id());
        if (made.isEmpty()) {
            return response;
        }
        ObjectNode answer = (ObjectNode) Json.readOwn(response);
        answer.set(
                "overrides", Json.asAnswered(made.stream().map(OverrideView::of).toList()));
        return Json.write(answer);
    }

    private Answered decideItem(ActiveVersion version, JsonNode item, String path, Caller caller) {
        if (!item.isObject()) {
            throw new InvalidInputException(
                    new FieldError(path, "must be an object with kind, idempotencyKey and profile"));
        }
        rejectFieldsOutside(item, ITEM_FIELDS, path + ".");
        ProfileKind kind = ProfileKind.fromWireName(item.path("kind").asText())
                .orElseThrow(() -> new InvalidInputException(
                        new FieldError(path + ".kind", "must be one of " + ProfileKind.wireNames())));
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

    private static ArrayNode batchItems(JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidInputException(new FieldError("", "must be an object with items"));
        }
        rejectFieldsOutside(root, Set.of("items"), "");
        JsonNode items = root.path("items");
        if (!items.isArray() || items.isEmpty() || items.size() > MAX_BATCH_ITEMS) {
            throw new InvalidInputException(
                    new FieldError("items", "must be an array of 1 to " + MAX_BATCH_ITEMS + " items"));
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

    /** An erased decision as its caller reads it: what the record keeps, and the erasure in place of the answer. */
    private static String erased(StoredDecision stored) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("decisionId", stored.asked().id().toString());
        answer.put("kind", stored.asked().kind());
        answer.put("subjectRef", stored.asked().subjectRef());
        answer.put("assessedOn", stored.asked().assessedOn().toString());
        answer.put("decidedAt", stored.asked().at().toString());
        answer.putObject("ruleset")
                .put("version", stored.asked().rulesetVersion())
                .put("sha256", stored.asked().rulesetSha256());
        List<String> fired = stored.answered().terms().firedRules();
        ArrayNode rules = answer.putArray("firedRules");
        for (int i = 0; i < fired.size(); i++) {
            rules.addObject().put("seq", i + 1).put("rule", fired.get(i));
        }
        answer.set("erased", Json.asAnswered(stored.erased()));
        return Json.write(answer);
    }

    private static String itemResult(Answered decision, Answered onRecord) {
        try {
            return answer(decision, onRecord).text();
        } catch (DomainException e) {
            return Json.write(ProblemResponses.of(e));
        }
    }

    /**
     * The answer on record under the key: this decision, or the earlier one for the same request; else a conflict. An
     * erased one is a conflict whatever was sent: with her key gone, whether it was the same request cannot be told.
     */
    private static Utf8Json answer(Answered decision, Answered onRecord) {
        if (onRecord.asked().id().equals(decision.asked().id())) {
            return onRecord.response();
        }
        if (onRecord.response() == null) {
            throw DomainException.Conflict.erased(
                    "the decision recorded under this Idempotency-Key was erased; send the request under a new"
                            + " Idempotency-Key to decide again");
        }
        if (onRecord.asked().requestSha256().equals(decision.asked().requestSha256())) {
            return onRecord.response();
        }
        throw new DomainException.Conflict(
                "idempotency-conflict",
                "Idempotency-Key reused",
                "this Idempotency-Key was already used with a different request");
    }
}
