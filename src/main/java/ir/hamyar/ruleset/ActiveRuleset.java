package ir.hamyar.ruleset;

import ir.hamyar.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The one reference to the ruleset in force; replacing it is a single atomic swap. */
@ApplicationScoped
public class ActiveRuleset {

    private final AtomicReference<ActiveVersion> active = new AtomicReference<>();

    /** The ruleset a new decision is made under; unavailable while none is compiled yet. */
    public ActiveVersion current() {
        ActiveVersion version = active.get();
        if (version == null) {
            throw new DomainException.Unavailable(
                    "not-ready", "Service not ready", "no ruleset is active yet; retry shortly");
        }
        return version;
    }

    /** A version as a path names it: a number, or {@code active} for the number of the one in force; else 404. */
    public int number(String version) {
        if ("active".equals(version)) {
            return current().version();
        }
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new DomainException.NotFound();
        }
    }

    public Optional<ActiveVersion> peek() {
        return Optional.ofNullable(active.get());
    }

    /** Switches to {@code next} unless a later activation is in force already; true if it switched. */
    boolean activate(ActiveVersion next) {
        ActiveVersion before = active.getAndUpdate(
                current -> current == null || next.activationId() > current.activationId() ? next : current);
        return before == null || next.activationId() > before.activationId();
    }
}
