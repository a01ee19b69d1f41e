package ir.hamyar.ruleset;

import ir.hamyar.engine.CompiledRuleset;

/** The compiled ruleset that decides now, with its version number. A decision takes one and uses only it. */
public record ActiveVersion(int version, CompiledRuleset ruleset) {

    public String sha256() {
        return ruleset.sha256();
    }
}
