package ir.hamyar.engine;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Runs one decision: a pooled session of the shared KieBase, the profile's facts inserted, rules fired within two
 * bounds — a number of firings (a rule that re-triggers itself) and a wall-clock time (a watchdog halts the session) — so
 * that no ruleset can hold its thread (an event loop, for decisions). Every conclusion inserted is checked against the
 * version's catalogue ({@link ConclusionGuard}); any failure names the rule, never the facts.
 */
public final class Evaluator {

    public static final Duration DEFAULT_MAX_EVALUATION = Duration.ofMillis(2000);

    /** How often the watchdog looks for evaluations past their bound: a halt comes at most this much late. */
    private static final long WATCH_EVERY_MILLIS = 25;

    private final int maxFirings;
    private final long maxMillis;
    private final Set<Deadline> running = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "hamyar-evaluation-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    public Evaluator(int maxFirings) {
        this(maxFirings, DEFAULT_MAX_EVALUATION);
    }

    public Evaluator(int maxFirings, Duration maxEvaluation) {
        this.maxFirings = maxFirings;
        this.maxMillis = maxEvaluation.toMillis();
        watchdog.scheduleWithFixedDelay(
                this::haltThosePastTheirBound, WATCH_EVERY_MILLIS, WATCH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    public Evaluation evaluate(CompiledRuleset ruleset, List<Object> facts) {
        KieSession session = ruleset.sessions().newKieSession();
        FiringRecorder recorder =
                new FiringRecorder(ruleset.rulesByDefinition(), ConclusionGuard.of(ruleset.conclusions(), facts));
        Deadline deadline = new Deadline(session, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis));
        running.add(deadline);
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
            running.remove(deadline);
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

    /**
     * The watchdog's round: halts every evaluation past its bound. One thread looks at all of them, so that an
     * evaluation costs an entry in a set, not a timer of its own (scheduling and cancelling one per decision made
     * every decision wake the timer thread).
     */
    private void haltThosePastTheirBound() {
        long now = System.nanoTime();
        for (Deadline deadline : running) {
            if (now - deadline.at > 0) {
                deadline.pass();
            }
        }
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
     * The watchdog's side of one evaluation: it halts the session only while the evaluation is still running, so that
     * a late halt can never reach a session that went back to the pool and decides for someone else.
     */
    private static final class Deadline {
        private final KieSession session;
        private final long at;
        private boolean ended;
        private boolean passed;

        Deadline(KieSession session, long at) {
            this.session = session;
            this.at = at;
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
