package ir.hamyar.engine;

import ir.hamyar.facts.Conclusion;
import ir.hamyar.facts.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Listens to one decision: records every rule fired, in order, and attaches each {@link Conclusion} a rule inserts
 * to that rule and its reasons, once its {@link ConclusionGuard} has found it declared.
 */
final class FiringRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final Map<Rule, RuleInfo> rules;
    private final ConclusionGuard guard;
    private final List<String> firedRules = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    FiringRecorder(Map<Rule, RuleInfo> rules, ConclusionGuard guard) {
        this.rules = rules;
        this.guard = guard;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firedRules.add(rules.get(event.getMatch().getRule()).id());
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null && event.getObject() instanceof Conclusion conclusion) {
            guard.check(conclusion);
            conclusion.drawn();
            findings.add(toFinding(conclusion, rules.get(event.getRule())));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // conclusions are immutable once drawn
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // a retracted conclusion stays on record as drawn
    }

    int firedCount() {
        return firedRules.size();
    }

    String lastFiredRule() {
        return firedRules.isEmpty() ? null : firedRules.get(firedRules.size() - 1);
    }

    Evaluation evaluation() {
        return new Evaluation(List.copyOf(findings), List.copyOf(firedRules));
    }

    private static Finding toFinding(Conclusion conclusion, RuleInfo rule) {
        Map<String, Object> values = new HashMap<>(conclusion.getDetails());
        values.putAll(conclusion.getBecause());
        values.put("subject", conclusion.getSubject());
        values.put("value", conclusion.getValue());
        return new Finding(
                conclusion.getType(),
                conclusion.getSubject(),
                conclusion.getValue(),
                conclusion.getDetails(),
                rule.id(),
                new Text(
                        ReasonRenderer.persian(rule.reason().fa(), values),
                        ReasonRenderer.english(rule.reason().en(), values)),
                rule.reference());
    }
}
