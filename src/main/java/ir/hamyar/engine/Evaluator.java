package ir.hamyar.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Runs one decision: a pooled session of the shared KieBase, the profile's facts inserted, rules fired within two
 * bounds — a number of firings (a rule that re-triggers itself) and a wall-clock time (a timer halts the session) — so
 * that no ruleset can hold its thread (an event loop, for decisions). Every conclusion inserted is checked against the
 * version's catalogue ({@link ConclusionGuard}); any failure names the rule, never the facts.
 */
public final class Evaluator {

    public static final Duration DEFAULT_MAX_EVALUATION = Duration.ofMillis(2000);

    private final int maxFirings;
    private final long maxMillis;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "hamyar-evaluation-timer");
        thread.setDaemon(true);
        return thread;
    });

    public Evaluator(int maxFirings) {
        this(maxFirings, DEFAULT_MAX_EVALUATION);
    }

    public Evaluator(int maxFirings, Duration maxEvaluation) {
        this.maxFirings = maxFirings;
        this.maxMillis = maxEvaluation.toMillis();
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    public Evaluation evaluate(CompiledRuleset ruleset, List<Object> facts) {
        KieSession session = ruleset.sessions().newKieSession();
        FiringRecorder recorder =
                new FiringRecorder(ruleset.rulesByDefinition(), ConclusionGuard.of(ruleset.conclusions(), facts));
        Deadline deadline = new Deadline(session);
        ScheduledFuture<?> halt = timer.schedule(deadline::pass, maxMillis, TimeUnit.MILLISECONDS);
        try {
            if (ruleset.declaresParams()) {
                session.setGlobal(RuleCompiler.PARAMS_GLOBAL, ruleset.parameters());
            }
            session.addEventListener((AgendaEventListener) recorder);
            session.addEventListener((RuleRuntimeEventListener) recorder);
            facts.forEach(session::insert);
            session.fireAllRules(maxFirings);
        } catch (RuntimeException e) {
            throw rootCause(e, recorder);
        } finally {
            halt.cancel(false);
            release(session, recorder, deadline.end());
        }
        if (deadline.passed()) {
            throw new RuleEvaluationException(
                    recorder.lastFiredRule(),
                    "rules ran past the bound of " + maxMillis + " ms (hamyar.rules.max-evaluation-ms); rule "
                            + recorder.lastFiredRule() + " was the last to fire",
                    null);
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

    /** A halted session is thrown away rather than pooled, so that no halt can reach the next decision. */
    private static void release(KieSession session, FiringRecorder recorder, boolean halted) {
        session.removeEventListener((AgendaEventListener) recorder);
        session.removeEventListener((RuleRuntimeEventListener) recorder);
        if (halted) {
            session.destroy();
        } else {
            session.dispose();
        }
    }

    /**
     * The timer's side of one evaluation: it halts the session only while the evaluation is still running, so that
     * a late timer can never halt a session that went back to the pool and decides for someone else.
     */
    private static final class Deadline {
        private final KieSession session;
        private boolean ended;
        private boolean passed;

        Deadline(KieSession session) {
            this.session = session;
        }

        synchronized void pass() {
            if (!ended) {
                passed = true;
                session.halt();
            }
        }

        /** Ends the evaluation; answers whether the deadline passed during it. */
        synchronized boolean end() {
            ended = true;
            return passed;
        }

        synchronized boolean passed() {
            return passed;
        }
    }

    /**
     * A parameter with no value on the profile's date is the caller's to fix; any other failure is the ruleset's,
     * named by the rule whose consequence failed (or, failing a condition, the last rule that fired before it).
     */
    private static RuntimeException rootCause(RuntimeException e, FiringRecorder recorder) {
        String failedRule = null;
        String undeclared = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ParameterNotInForceException notInForce) {
                return notInForce;
            }
            if (cause instanceof ConclusionGuard.UndeclaredConclusion conclusion) {
                undeclared = conclusion.getMessage();
            }
            if (failedRule == null
                    && cause instanceof ConsequenceException consequence
                    && consequence.getRule() != null) {
                failedRule = RuleCompiler.ruleId(consequence.getRule());
            }
        }
        String message;
        if (undeclared != null) {
            message = "rule " + failedRule + " " + undeclared;
        } else if (failedRule != null) {
            message = "rule " + failedRule + " failed";
        } else {
            message = "a rule condition failed after " + recorder.lastFiredRule() + " fired";
        }
        return new RuleEvaluationException(failedRule, message, e);
    }
}
