package ir.hamyar.audit;

import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.Parameter;
import ir.hamyar.engine.RuleInfo;
import ir.hamyar.ledger.Asked;
import ir.hamyar.ledger.OverrideView;
import ir.hamyar.ledger.StoredDecision;
import ir.hamyar.problem.DomainException;
import ir.hamyar.ruleset.StoredRulesets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Puts a stored decision together with the metadata of the rules that fired, from the version that decided. */
@ApplicationScoped
public class AuditRecords {

    private static final Logger LOG = Logger.getLogger(AuditRecords.class);

    private final StoredRulesets rulesets;

    public AuditRecords(StoredRulesets rulesets) {
        this.rulesets = rulesets;
    }

    public AuditRecord of(StoredDecision decision, List<OverrideView> overrides) {
        Replayer.Outcome recorded = Replayer.recorded(decision);
        Asked asked = decision.asked();
        Optional<CompiledRuleset> ruleset = ruleset(asked.rulesetVersion());
        List<AuditRecord.FiredRule> fired = new ArrayList<>();
        for (int i = 0; i < recorded.firedRules().size(); i++) {
            String rule = recorded.firedRules().get(i);
            RuleInfo info = ruleset.map(compiled -> compiled.rules().get(rule)).orElse(null);
            fired.add(
                    info == null
                            ? new AuditRecord.FiredRule(i + 1, rule, null, null, null, null, null)
                            : new AuditRecord.FiredRule(
                                    i + 1,
                                    rule,
                                    info.file(),
                                    info.reason(),
                                    info.reference(),
                                    info.provenance(),
                                    parameters(info, ruleset.get(), decision)));
        }
        return new AuditRecord(
                asked.id().toString(),
                decision.seq(),
                asked.kind(),
                asked.subjectRef(),
                asked.assessedOn(),
                asked.at(),
                decision.recordedAt(),
                asked.caller(),
                asked.organisation(),
                asked.idempotencyKey(),
                AuditRecord.Ruleset.of(asked),
                asked.input(),
                decision.answered().responseText(),
                decision.isErased() ? null : recorded.conclusions(),
                fired,
                overrides,
                decision.previousHash(),
                decision.hash(),
                decision.erased());
    }

    private static List<AuditRecord.ParameterValue> parameters(
            RuleInfo info, CompiledRuleset ruleset, StoredDecision decision) {
        return info.parameters().stream()
                .map(name -> {
                    Parameter parameter = ruleset.parameters().all().get(name);
                    return new AuditRecord.ParameterValue(
                            name,
                            parameter.valueOn(decision.asked().assessedOn()),
                            parameter.unit(),
                            parameter.provenance());
                })
                .toList();
    }

    private Optional<CompiledRuleset> ruleset(int version) {
        try {
            return Optional.of(rulesets.compiled(version));
        } catch (DomainException e) {
            LOG.warnf("Decision records of version %d are shown without rule metadata: %s", version, e.getMessage());
            return Optional.empty();
        }
    }
}
