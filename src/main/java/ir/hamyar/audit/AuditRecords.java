package ir.hamyar.audit;

import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.Parameter;
import ir.hamyar.engine.RuleInfo;
import ir.hamyar.problem.ProblemException;
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
    private final Replayer replayer;

    public AuditRecords(StoredRulesets rulesets, Replayer replayer) {
        this.rulesets = rulesets;
        this.replayer = replayer;
    }

    public AuditRecord of(StoredDecision decision) {
        Replayer.Outcome recorded = replayer.recorded(decision);
        Optional<CompiledRuleset> ruleset = ruleset(decision.record().rulesetVersion());
        List<AuditRecord.FiredRule> fired = new ArrayList<>();
        for (int i = 0; i < recorded.firedRules().size(); i++) {
            String rule = recorded.firedRules().get(i);
            RuleInfo info = ruleset.map(compiled -> compiled.rules().get(rule)).orElse(null);
            fired.add(
                    info == null
                            ? new AuditRecord.FiredRule(i + 1, rule, null, null, null, null)
                            : new AuditRecord.FiredRule(
                                    i + 1,
                                    rule,
                                    info.file(),
                                    new AuditRecord.Reason(info.reasonFa(), info.reasonEn()),
                                    info.reference(),
                                    parameters(info, ruleset.get(), decision)));
        }
        return new AuditRecord(
                decision.record().id().toString(),
                decision.record().seq(),
                decision.record().kind(),
                decision.record().subjectRef(),
                decision.record().assessedOn(),
                decision.record().decidedAt(),
                decision.record().recordedAt(),
                decision.record().caller(),
                decision.record().idempotencyKey(),
                new AuditRecord.Ruleset(
                        decision.record().rulesetVersion(), decision.record().rulesetSha256()),
                decision.record().input(),
                decision.record().response(),
                recorded.conclusions(),
                fired,
                decision.previousHash(),
                decision.hash());
    }

    private static List<AuditRecord.ParameterValue> parameters(
            RuleInfo info, CompiledRuleset ruleset, StoredDecision decision) {
        return info.parameters().stream()
                .map(name -> {
                    Parameter parameter = ruleset.parameters().all().get(name);
                    return new AuditRecord.ParameterValue(
                            name, parameter.valueOn(decision.record().assessedOn()), parameter.unit());
                })
                .toList();
    }

    private Optional<CompiledRuleset> ruleset(int version) {
        try {
            return Optional.of(rulesets.compiled(version));
        } catch (ProblemException e) {
            LOG.warnf("Decision records of version %d are shown without rule metadata: %s", version, e.getMessage());
            return Optional.empty();
        }
    }
}
