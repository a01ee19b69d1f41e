package ir.hamyar.ledger;

import ir.hamyar.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds the reads that walk or open the whole record (impact, verify): a few run at once, a few more wait their turn,
 * and any beyond that is refused at once with 429 and Retry-After, so that one read-only account cannot exhaust a
 * replica's memory or connections and delay the decisions it serves.
 */
@ApplicationScoped
public class HeavyReads {

    static final long RETRY_AFTER_SECONDS = 10;

    private final Semaphore running;
    private final int admittedAtMost;
    private final AtomicInteger admitted = new AtomicInteger();

    public HeavyReads(LedgerConfig config) {
        this.running = new Semaphore(config.heavyReads().running(), true);
        this.admittedAtMost =
                config.heavyReads().running() + config.heavyReads().waiting();
    }

    public <T> T run(Supplier<T> read) {
        if (admitted.incrementAndGet() > admittedAtMost) {
            admitted.decrementAndGet();
            throw new DomainException.Busy(
                    "as many impact and verify requests as this replica takes are running or waiting; try again later",
                    RETRY_AFTER_SECONDS);
        }
        try {
            running.acquireUninterruptibly();
            try {
                return read.get();
            } finally {
                running.release();
            }
        } finally {
            admitted.decrementAndGet();
        }
    }
}
