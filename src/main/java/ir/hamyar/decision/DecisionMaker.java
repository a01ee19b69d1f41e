package ir.hamyar.decision;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.calendar.IranTime;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.evaluation.Evaluated;
import ir.hamyar.evaluation.Evaluations;
import ir.hamyar.evaluation.RulesCouldNotDecide;
import ir.hamyar.facts.Casework;
import ir.hamyar.json.Json;
import ir.hamyar.json.Sha256;
import ir.hamyar.json.Utf8Json;
import ir.hamyar.ledger.Answered;
import ir.hamyar.ledger.Asked;
import ir.hamyar.ledger.Failure;
import ir.hamyar.ledger.SearchTerms;
import ir.hamyar.ledger.Tally;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.profile.ReadProfile;
import ir.hamyar.ruleset.ActiveVersion;
import ir.hamyar.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Decides one profile under one ruleset version and writes the answer once, as it is sent and recorded; stores
 * nothing itself. When the rules cannot decide, it throws a {@link RuleFailure} with the failure to keep instead.
 */
@ApplicationScoped
public class DecisionMaker {

    private final Evaluations evaluations;
    private final Clock clock = Clock.systemUTC();

    public DecisionMaker(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    /** {@code prefix} locates the profile in the request for error paths ({@code ""} or {@code items[3].profile}). */
    Answered decide(
            ActiveVersion version,
            ProfileKind kind,
            JsonNode profileJson,
            String input,
            String prefix,
            String idempotencyKey,
            Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = UuidV7.next(now.toEpochMilli());
        Evaluated evaluated;
        try {
            evaluated = evaluations.evaluate(version.ruleset(), kind, profileJson, prefix, IranTime.dateOf(now));
        } catch (RulesCouldNotDecide e) {
            Asked asked = asked(id, now, version, kind, e.profile(), profileJson, input, idempotencyKey, caller);
            throw new RuleFailure(new Failure(asked, e.rule(), e.getMessage()));
        }
        ReadProfile profile = evaluated.profile();
        DecisionResponse response = new DecisionResponse(
                id.toString(),
                kind.wireName(),
                profile.subjectRef(),
                profile.assessedOn().toString(),
                SolarHijri.of(profile.assessedOn()).toString(),
                now.toString(),
                new DecisionResponse.RulesetRef(version.version(), version.sha256()),
                evaluated.conclusions(),
                firedRules(evaluated.firedRules()));
        List<String[]> concluded = evaluated.conclusions().stream()
                .map(c -> new String[] {c.type(), c.value()})
                .toList();
        return new Answered(
                asked(id, now, version, kind, profile, profileJson, input, idempotencyKey, caller),
                Utf8Json.write(response),
                SearchTerms.of(evaluated.firedRules(), concluded),
                kind == ProfileKind.FAMILY ? Tally.ofFamily(concluded, lastHomeVisitOn(profile)) : Tally.NONE);
    }

    private static LocalDate lastHomeVisitOn(ReadProfile profile) {
        return profile.facts().stream()
                .filter(Casework.class::isInstance)
                .map(fact -> ((Casework) fact).getLastHomeVisitOn())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static Asked asked(
            UUID id,
            Instant now,
            ActiveVersion version,
            ProfileKind kind,
            ReadProfile profile,
            JsonNode profileJson,
            String input,
            String idempotencyKey,
            Caller caller) {
        return new Asked(
                id,
                kind.wireName(),
                profile.subjectRef(),
                profile.assessedOn(),
                now,
                caller.name(),
                caller.recordedOrganisation(),
                idempotencyKey,
                requestSha256(kind, profileJson),
                version.version(),
                version.sha256(),
                input);
    }

    static List<DecisionResponse.FiredRule> firedRules(List<String> rules) {
        return IntStream.range(0, rules.size())
                .mapToObj(i -> new DecisionResponse.FiredRule(i + 1, rules.get(i)))
                .toList();
    }

    /** Equal for bodies of equal meaning: same kind, same fields and values, whatever the key order or spacing. */
    static String requestSha256(ProfileKind kind, JsonNode profileJson) {
        return Sha256.hex((kind.wireName() + "\n" + Json.canonical(profileJson)).getBytes(StandardCharsets.UTF_8));
    }
}
