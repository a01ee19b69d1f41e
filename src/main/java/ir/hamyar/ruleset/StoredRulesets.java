package ir.hamyar.ruleset;

import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Any stored version compiled, for replaying a decision under the version that made it, or trying a draft on
 * recorded decisions and on a profile (dry run): the active one as it is, any other compiled on demand off the
 * decision path and kept in the small cache of {@link RulesetCompilations}. A version rejected only because its
 * scenarios failed still compiles, so policy staff can see what it would decide while they mend it.
 */
@ApplicationScoped
public class StoredRulesets {

    private final RulesetVersions versions;
    private final RulesetCompilations compilations;
    private final ActiveRuleset active;

    public StoredRulesets(RulesetVersions versions, RulesetCompilations compilations, ActiveRuleset active) {
        this.versions = versions;
        this.compilations = compilations;
        this.active = active;
    }

    public CompiledRuleset compiled(int version) {
        ActiveVersion serving = active.current();
        if (serving.version() == version) {
            return serving.ruleset();
        }
        RulesetVersion stored = versions.find(version).orElseThrow(() -> RulesetProblems.unknownVersion(version));
        boolean compiles = stored.status() != RulesetStatus.REJECTED
                || (stored.report() != null && stored.report().compiled());
        if (!stored.hasFiles() || !compiles) {
            throw new DomainException.Conflict(
                    "ruleset-conflict",
                    "Version cannot decide",
                    "ruleset version " + version
                            + (stored.hasFiles() ? " does not compile" : "'s files were not kept"));
        }
        return compilations.compile(versions.verifiedTree(version));
    }
}
