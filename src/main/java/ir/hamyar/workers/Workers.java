package ir.hamyar.workers;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The service's background workers, started here so that readiness can tell whether each is running. */
@ApplicationScoped
public class Workers {

    private final List<Worker> started = new CopyOnWriteArrayList<>();

    /** Starts a worker whose loop runs again {@code pause} after any failure. */
    public Worker start(String name, Duration pause, Worker.Loop loop) {
        Worker worker = new Worker(name, pause, loop);
        started.add(worker);
        worker.start();
        return worker;
    }

    /** Stops a worker and forgets it (readiness no longer waits for it). */
    public void stop(Worker worker) {
        worker.stop();
        started.remove(worker);
    }

    public List<Worker> all() {
        return List.copyOf(started);
    }
}
