package ir.hamyar.workers;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a background worker is not running (between a failure and its restart): the decision writer, the
 * ruleset follower and the checkpoints each matter to every request, so a replica missing one must not take traffic.
 */
@Readiness
@ApplicationScoped
public class WorkersReadiness implements HealthCheck {

    private final Workers workers;

    public WorkersReadiness(Workers workers) {
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("workers").up();
        for (Worker worker : workers.all()) {
            response.withData(worker.name(), worker.isRunning() ? "running" : "restarting");
            if (!worker.isRunning()) {
                response.down();
            }
        }
        return response.build();
    }
}
