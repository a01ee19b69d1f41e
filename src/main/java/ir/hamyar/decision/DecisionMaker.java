package ir.hamyar.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.engine.Evaluation;
import ir.hamyar.engine.Evaluator;
import ir.hamyar.engine.ParameterNotInForceException;
import ir.hamyar.engine.RuleEvaluationException;
import ir.hamyar.engine.Sha256;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.profile.ProfileReader;
import ir.hamyar.profile.ReadProfile;
import ir.hamyar.profile.StrictJson;
import ir.hamyar.ruleset.ActiveVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Reads one profile, decides it under one ruleset version and prepares the record; stores nothing itself. When the
 * rules cannot decide, it throws a {@link RuleFailure} with the failed evaluation to be kept instead.
 */
@ApplicationScoped
public class DecisionMaker {

    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private final ProfileReader reader;
    private final Evaluator evaluator;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();

    public DecisionMaker(ProfileReader reader, Evaluator evaluator, ObjectMapper mapper) {
        this.reader = reader;
        this.evaluator = evaluator;
        this.mapper = mapper;
    }

    /** {@code prefix} locates the profile in the request for error paths ({@code ""} or {@code items[3].profile}). */
    NewDecision decide(
            ActiveVersion version,
            ProfileKind kind,
            JsonNode profileNode,
            String input,
            String prefix,
            String idempotencyKey,
            String caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReadProfile profile = reader.read(
                kind, profileNode, prefix, version.ruleset().indicators(), LocalDate.ofInstant(now, TEHRAN));
        UUID id = UuidV7.next(now.toEpochMilli());
        String requestSha256 = requestSha256(kind, profileNode);
        Evaluation evaluation;
        try {
            evaluation = evaluate(version, profile, prefix);
        } catch (RuleEvaluationException e) {
            throw new RuleFailure(new FailedEvaluation(
                    id,
                    kind.wireName(),
                    profile.subjectRef(),
                    profile.assessedOn(),
                    now,
                    caller,
                    idempotencyKey,
                    requestSha256,
                    version.version(),
                    version.sha256(),
                    e.rule(),
                    e.getMessage(),
                    input));
        }
        DecisionResponse response = new DecisionResponse(
                id.toString(),
                kind.wireName(),
                profile.subjectRef(),
                profile.assessedOn().toString(),
                SolarHijri.of(profile.assessedOn()).toString(),
                now.toString(),
                new DecisionResponse.RulesetRef(version.version(), version.sha256()),
                evaluation.findings().stream().map(ConclusionView::of).toList(),
                firedRules(evaluation.firedRules()));
        return new NewDecision(
                id,
                kind.wireName(),
                profile.subjectRef(),
                profile.assessedOn(),
                now,
                caller,
                idempotencyKey,
                requestSha256,
                version.version(),
                version.sha256(),
                input,
                toJson(response));
    }

    private Evaluation evaluate(ActiveVersion version, ReadProfile profile, String prefix) {
        try {
            return evaluator.evaluate(version.ruleset(), profile.facts());
        } catch (ParameterNotInForceException e) {
            throw new InvalidInputException(
                    "ruleset version " + version.version() + " has no policy in force on " + e.date() + " (parameter "
                            + e.parameter() + ")",
                    List.of(new FieldError(
                            prefix.isEmpty() ? "assessedOn" : prefix + ".assessedOn",
                            "is before the ruleset's first effective date")));
        }
    }

    private static List<DecisionResponse.FiredRule> firedRules(List<String> rules) {
        return IntStream.range(0, rules.size())
                .mapToObj(i -> new DecisionResponse.FiredRule(i + 1, rules.get(i)))
                .toList();
    }

    /** Equal for bodies of equal meaning: same kind, same fields and values, whatever the key order or spacing. */
    static String requestSha256(ProfileKind kind, JsonNode profileNode) {
        return Sha256.hex(
                (kind.wireName() + "\n" + StrictJson.canonical(profileNode)).getBytes(StandardCharsets.UTF_8));
    }

    private String toJson(DecisionResponse response) {
        try {
            return mapper.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision always serialises", e);
        }
    }
}
