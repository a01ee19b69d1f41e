package ir.hamyar.ruleset;

import ir.hamyar.engine.CompiledRuleset;

/**
 * The compiled ruleset that decides now, with its version number and the id of the event that activated it (which
 * orders activations, so that a slow replica never goes back to an older one). A decision takes one and uses only it.
 */
public record ActiveVersion(int version, CompiledRuleset ruleset, long activationId) {

    public String sha256() {
        return ruleset.sha256();
    }
}
