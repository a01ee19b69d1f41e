package ir.hamyar.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once a ruleset is compiled and active; reports its version and sha256. */
@Readiness
@ApplicationScoped
public class RulesetReadiness implements HealthCheck {

    private final ActiveRuleset active;

    public RulesetReadiness(ActiveRuleset active) {
        this.active = active;
    }

    @Override
    public HealthCheckResponse call() {
        return active.peek()
                .map(version -> HealthCheckResponse.named("ruleset")
                        .up()
                        .withData("version", version.version())
                        .withData("sha256", version.sha256())
                        .withData("rules", version.ruleset().rules().size())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("ruleset").down().build());
    }
}
