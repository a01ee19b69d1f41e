package ir.hamyar.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once a ruleset is compiled and active; reports its version and sha256, and the sha256 of every version
 * compiled and ready to switch to on this replica.
 */
@Readiness
@ApplicationScoped
public class RulesetReadiness implements HealthCheck {

    private final ActiveRuleset active;
    private final RulesetCompilations compilations;

    public RulesetReadiness(ActiveRuleset active, RulesetCompilations compilations) {
        this.active = active;
        this.compilations = compilations;
    }

    @Override
    public HealthCheckResponse call() {
        return active.peek()
                .map(version -> HealthCheckResponse.named("ruleset")
                        .up()
                        .withData("version", version.version())
                        .withData("sha256", version.sha256())
                        .withData("rules", version.ruleset().rules().size())
                        .withData("compiledReady", String.join(",", compilations.ready()))
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("ruleset").down().build());
    }
}
