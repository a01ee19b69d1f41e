package ir.hamyar.decision;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.engine.ConclusionCatalogue;
import ir.hamyar.json.Json;
import ir.hamyar.json.JsonLimits;
import ir.hamyar.json.Sha256;
import ir.hamyar.json.StrictJson;
import ir.hamyar.ledger.CaseworkerOverride;
import ir.hamyar.ledger.DecisionRecords;
import ir.hamyar.ledger.OverrideChain;
import ir.hamyar.ledger.StoredDecision;
import ir.hamyar.ledger.StoredOverride;
import ir.hamyar.problem.DomainException;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.profile.Reasons;
import ir.hamyar.ruleset.StoredRulesets;
import ir.hamyar.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A caseworker decides otherwise than a conclusion: the conclusion must be in the decision, the value one of its
 * type's values in the catalogue of the ruleset that decided, and not the value in force (the conclusion's, or the
 * latest override's); the reason says why. The override changes no rule and no decision: it is appended to the
 * override chain beside the decision, and a later one of the same conclusion supersedes it in views.
 */
@ApplicationScoped
public class Overrides {

    private final DecisionRecords records;
    private final OverrideChain chain;
    private final StoredRulesets rulesets;
    private final Clock clock = Clock.systemUTC();

    public Overrides(DecisionRecords records, OverrideChain chain, StoredRulesets rulesets) {
        this.records = records;
        this.chain = chain;
        this.rulesets = rulesets;
    }

    /** The override on record, and whether it was recorded earlier under the same key (a resend). */
    public Made override(String decisionId, byte[] body, String idempotencyKey, Caller caller) {
        IdempotencyKeys.check(idempotencyKey, "Idempotency-Key");
        StoredDecision decision = records.find(decisionId)
                .filter(stored -> stored.asked().visibleTo(caller))
                .orElseThrow(DomainException.NotFound::new);
        JsonNode json = StrictJson.parse(body, JsonLimits.PROFILE);
        String requestSha256 =
                Sha256.hex((decision.asked().id() + "\n" + Json.canonical(json)).getBytes(StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            Optional<StoredOverride> earlier = chain.find(caller.name(), idempotencyKey, requestSha256);
            if (earlier.isPresent()) {
                return resent(earlier.get(), requestSha256);
            }
        }
        OverrideRequest request = read(json);
        JsonNode conclusion = conclusion(decision, request);
        String current = current(decision, request, conclusion.path("value").asText());
        List<FieldError> errors = new ArrayList<>();
        checkValue(decision, request, current, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the override does not meet the contract", errors);
        }
        CaseworkerOverride override = new CaseworkerOverride(
                UUID.randomUUID(),
                decision.asked().id(),
                request.type(),
                request.subject(),
                current,
                request.value(),
                conclusion.path("rule").isTextual() ? conclusion.path("rule").asText() : null,
                request.reason().strip(),
                caller.name(),
                caller.recordedOrganisation(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                idempotencyKey,
                requestSha256);
        StoredOverride onRecord = chain.append(override);
        return onRecord.override().id().equals(override.id())
                ? new Made(onRecord, false)
                : resent(onRecord, requestSha256);
    }

    /** An override found under the request's key: the same request again, or a reuse of the key (409). */
    private static Made resent(StoredOverride earlier, String requestSha256) {
        if (!earlier.override().requestSha256().equals(requestSha256)) {
            throw new DomainException.Conflict(
                    "idempotency-conflict",
                    "Idempotency-Key reused",
                    "this Idempotency-Key was already used with a different request");
        }
        return new Made(earlier, true);
    }

    /** An override on record and whether this request found it there already. */
    public record Made(StoredOverride stored, boolean resent) {}

    private static OverrideRequest read(JsonNode json) {
        List<FieldError> errors = new ArrayList<>();
        OverrideRequest request = StrictJson.bind(json, OverrideRequest.class, "", errors);
        if (request == null) {
            throw new InvalidInputException(new FieldError("", "must be an object with type, value and reason"));
        }
        required(request.type(), "type", errors);
        required(request.value(), "value", errors);
        Reasons.check(request.reason(), "say why the caseworker decides otherwise", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the override does not meet the contract", errors);
        }
        return request;
    }

    private static void required(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static JsonNode conclusion(StoredDecision decision, OverrideRequest request) {
        if (decision.isErased()) {
            throw DomainException.Conflict.erased(
                    "the answer of decision " + decision.asked().id() + " was erased at "
                            + decision.erased().at() + ": it has no conclusion left to override");
        }
        List<String> wanted = CaseworkerOverride.conclusion(request.type(), request.subject());
        for (JsonNode conclusion :
                Json.readOwn(decision.answered().responseText()).path("conclusions")) {
            if (CaseworkerOverride.conclusion(conclusion).equals(wanted)) {
                return conclusion;
            }
        }
        throw new InvalidInputException(new FieldError(
                "type",
                "the decision has no conclusion of this type"
                        + (request.subject() == null ? "" : " about this subject")));
    }

    /** The value in force: the latest override's of this conclusion, or the conclusion's own. */
    private String current(StoredDecision decision, OverrideRequest request, String concluded) {
        List<String> wanted = CaseworkerOverride.conclusion(request.type(), request.subject());
        String current = concluded;
        for (StoredOverride earlier : chain.of(decision.asked().id())) {
            if (earlier.override().conclusion().equals(wanted)) {
                current = earlier.override().to();
            }
        }
        return current;
    }

    private void checkValue(StoredDecision decision, OverrideRequest request, String current, List<FieldError> errors) {
        ConclusionCatalogue catalogue =
                rulesets.compiled(decision.asked().rulesetVersion()).conclusions();
        Map<String, ConclusionCatalogue.ConclusionType> types = catalogue.types();
        ConclusionCatalogue.ConclusionType type = types.get(request.type());
        if (type == null || !type.values().containsKey(request.value())) {
            errors.add(new FieldError(
                    "value",
                    type == null
                            ? "the ruleset that made this decision declares no values for " + request.type()
                            : "must be one of "
                                    + String.join(", ", type.values().keySet())));
        } else if (request.value().equals(current)) {
            errors.add(new FieldError("value", "is the value in force already: an override must differ from it"));
        }
    }
}
