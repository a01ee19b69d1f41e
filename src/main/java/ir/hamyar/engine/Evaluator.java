package ir.hamyar.engine;

import java.util.List;
import org.kie.api.command.Command;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.internal.command.CommandFactory;

/**
 * Runs one decision: a new stateless session of the shared KieBase, the profile's facts inserted, rules fired up to
 * a cap so that a rule that re-triggers itself cannot hold its thread (an event loop, for decisions) forever.
 */
public final class Evaluator {

    private final int maxFirings;

    public Evaluator(int maxFirings) {
        this.maxFirings = maxFirings;
    }

    public Evaluation evaluate(CompiledRuleset ruleset, List<Object> facts) {
        StatelessKieSession session = ruleset.sessions().newStatelessKieSession();
        if (ruleset.declaresParams()) {
            session.setGlobal(RuleCompiler.PARAMS_GLOBAL, ruleset.parameters());
        }
        FiringRecorder recorder = new FiringRecorder(ruleset.rulesByDefinition());
        session.addEventListener((AgendaEventListener) recorder);
        session.addEventListener((RuleRuntimeEventListener) recorder);
        List<Command<?>> commands =
                List.of(CommandFactory.newInsertElements(facts), CommandFactory.newFireAllRules(maxFirings));
        try {
            session.execute(CommandFactory.newBatchExecution(commands));
        } catch (RuntimeException e) {
            throw rootCause(e, recorder);
        }
        if (recorder.firedCount() >= maxFirings) {
            throw new RuleEvaluationException(
                    recorder.lastFiredRule(),
                    "rules fired " + maxFirings + " times without settling; rule " + recorder.lastFiredRule()
                            + " was the last to fire",
                    null);
        }
        return recorder.evaluation();
    }

    /**
     * A parameter with no value on the profile's date is the caller's to fix; any other failure is the ruleset's,
     * named by the rule whose consequence failed (or, failing a condition, the last rule that fired before it).
     */
    private static RuntimeException rootCause(RuntimeException e, FiringRecorder recorder) {
        String failedRule = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ParameterNotInForceException notInForce) {
                return notInForce;
            }
            if (failedRule == null
                    && cause instanceof ConsequenceException consequence
                    && consequence.getRule() != null) {
                failedRule = RuleCompiler.ruleId(consequence.getRule());
            }
        }
        String message = failedRule != null
                ? "rule " + failedRule + " failed"
                : "a rule condition failed after " + recorder.lastFiredRule() + " fired";
        return new RuleEvaluationException(failedRule, message, e);
    }
}
