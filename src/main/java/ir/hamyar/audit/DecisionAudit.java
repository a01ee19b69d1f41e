package ir.hamyar.audit;

import ir.hamyar.engine.RuleInfo;
import ir.hamyar.ledger.AuditReads;
import ir.hamyar.ledger.DecisionQuery;
import ir.hamyar.ledger.DecisionRecords;
import ir.hamyar.ledger.FailedEvaluations;
import ir.hamyar.ledger.Failure;
import ir.hamyar.ledger.OverrideChain;
import ir.hamyar.ledger.OverrideView;
import ir.hamyar.ledger.StoredDecision;
import ir.hamyar.problem.DomainException;
import ir.hamyar.query.Page;
import ir.hamyar.query.PageRequest;
import ir.hamyar.query.QueryParams.Period;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.ruleset.ActiveVersion;
import ir.hamyar.ruleset.StoredRulesets;
import ir.hamyar.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** What auditors do with the decision record: search it, read one record, replay one, see how rules fire. */
@ApplicationScoped
public class DecisionAudit {

    private final DecisionRecords records;
    private final AuditRecords auditRecords;
    private final AuditReads reads;
    private final Replayer replayer;
    private final StoredRulesets rulesets;
    private final ActiveRuleset active;
    private final OverrideChain overrides;
    private final FailedEvaluations failures;

    public DecisionAudit(
            DecisionRecords records,
            AuditRecords auditRecords,
            AuditReads reads,
            Replayer replayer,
            StoredRulesets rulesets,
            ActiveRuleset active,
            OverrideChain overrides,
            FailedEvaluations failures) {
        this.records = records;
        this.auditRecords = auditRecords;
        this.reads = reads;
        this.replayer = replayer;
        this.rulesets = rulesets;
        this.active = active;
        this.overrides = overrides;
        this.failures = failures;
    }

    /** Caseworkers' overrides, newest first. */
    public Page<OverrideView> overrides(OverrideChain.Query query, PageRequest page) {
        return overrides.find(query, page).map(OverrideView::of);
    }

    public Page<DecisionSummary> search(DecisionQuery query, PageRequest page) {
        return records.find(query, page).map(DecisionAudit::summary);
    }

    /** The full record of one decision; the read is itself recorded. */
    public AuditRecord read(String decisionId, Caller reader) {
        StoredDecision decision = stored(decisionId, reader);
        reads.decision(reader, AuditReads.READ, decision.asked().id());
        return auditRecords.of(
                decision,
                overrides.of(decision.asked().id()).stream()
                        .map(OverrideView::of)
                        .toList());
    }

    /** The recorded input decided again under the recorded version, compared; the replay is itself recorded. */
    public Replay replay(String decisionId, Caller reader) {
        StoredDecision decision = stored(decisionId, reader);
        Replayer.Outcome replayed =
                replayer.replay(decision, rulesets.compiled(decision.asked().rulesetVersion()));
        List<Differences.Difference> differences = Differences.between(Replayer.recorded(decision), replayed);
        reads.decision(reader, AuditReads.REPLAY, decision.asked().id());
        return new Replay(decisionId, decision.asked().rulesetVersion(), differences.isEmpty(), differences);
    }

    /**
     * How often each rule of the active version fired in the period, rules that never fired included, with how often
     * caseworkers overrode it and how often it failed, over the records the scope sees.
     */
    public RuleStatistics ruleStatistics(Period period, Caller.Scope scope) {
        ActiveVersion version = active.current();
        Map<String, long[]> firings = records.firings(period.from(), period.to(), scope);
        Map<String, Long> overridden = overrides.countsByRule(period.from(), period.to(), scope);
        Map<String, Long> failed = failures.countsByRule(period.from(), period.to(), scope);
        List<RuleStatistics.RuleFirings> rules = version.ruleset().rules().values().stream()
                .map(RuleInfo::id)
                .sorted()
                .map(rule -> {
                    long[] counts = firings.getOrDefault(rule, new long[2]);
                    return new RuleStatistics.RuleFirings(
                            rule,
                            counts[0],
                            counts[1],
                            overridden.getOrDefault(rule, 0L),
                            failed.getOrDefault(rule, 0L));
                })
                .toList();
        return new RuleStatistics(version.version(), records.count(period.from(), period.to(), scope), rules);
    }

    private static DecisionSummary summary(StoredDecision decision) {
        return new DecisionSummary(
                decision.asked().id().toString(),
                decision.seq(),
                decision.asked().kind(),
                decision.asked().subjectRef(),
                decision.asked().assessedOn(),
                decision.asked().at(),
                decision.asked().caller(),
                decision.asked().organisation(),
                AuditRecord.Ruleset.of(decision.asked()),
                Differences.outcomes(Replayer.recorded(decision).conclusions()),
                decision.erased());
    }

    /** The decision, if the reader may see it; another organisation's is not found, as one that does not exist. */
    private StoredDecision stored(String decisionId, Caller reader) {
        return records.find(decisionId)
                .filter(stored -> stored.asked().visibleTo(reader))
                .orElseThrow(DomainException.NotFound::new);
    }

    /** One failed evaluation with its input, if the reader may see it; the read is itself recorded. */
    public Failure failure(String failureId, Caller reader) {
        Failure failure = failures.find(failureId)
                .filter(found -> found.asked().visibleTo(reader))
                .orElseThrow(DomainException.NotFound::new);
        reads.failure(reader, failure.asked().id());
        return failure;
    }

    /** The outcome of a replay: identical, or the differences. */
    public record Replay(
            String decisionId, int rulesetVersion, boolean identical, List<Differences.Difference> differences) {}
}
