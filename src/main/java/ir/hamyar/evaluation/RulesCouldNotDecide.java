package ir.hamyar.evaluation;

import ir.hamyar.profile.ReadProfile;

/**
 * The rules failed or looped on a profile that met the contract: names the rule (when known) and why, in words that
 * name rules, never facts; carries the profile as read so that the failure can be kept with what was asked.
 */
public final class RulesCouldNotDecide extends RuntimeException {

    private final transient ReadProfile profile;
    private final String rule;

    public RulesCouldNotDecide(ReadProfile profile, String rule, String reason) {
        super(reason, null, false, false);
        this.profile = profile;
        this.rule = rule;
    }

    public ReadProfile profile() {
        return profile;
    }

    public String rule() {
        return rule;
    }
}
