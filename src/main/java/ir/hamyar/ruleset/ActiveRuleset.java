package ir.hamyar.ruleset;

import ir.hamyar.problem.Problem;
import ir.hamyar.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The one reference to the ruleset in force; replacing it is a single atomic swap. */
@ApplicationScoped
public class ActiveRuleset {

    private final AtomicReference<ActiveVersion> active = new AtomicReference<>();

    /** The ruleset a new decision is made under; 503 while none is compiled yet. */
    public ActiveVersion current() {
        ActiveVersion version = active.get();
        if (version == null) {
            throw new ProblemException(
                    Problem.of(503, "not-ready", "Service not ready", "no ruleset is active yet; retry shortly"));
        }
        return version;
    }

    public Optional<ActiveVersion> peek() {
        return Optional.ofNullable(active.get());
    }

    void activate(ActiveVersion version) {
        active.set(version);
    }
}
