package ir.hamyar.workers;

import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * A background thread of the service that must not die silently: its loop runs again after any failure, an
 * {@link Error} included (where the JVM is still alive), after a pause; {@link #isRunning()} says whether it is
 * running now, so that readiness turns DOWN while it is not. (Out of memory, the documented run command stops the
 * JVM, {@code -XX:+ExitOnOutOfMemoryError}, so that its supervisor starts it anew.)
 */
public final class Worker {

    private static final Logger LOG = Logger.getLogger(Worker.class);

    private final String name;
    private final Loop loop;
    private final Duration pause;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile boolean running;
    private volatile Instant lastFailure;

    /** The work of the thread: runs until {@code stopping} says so; returning or throwing has it run again. */
    @FunctionalInterface
    public interface Loop {
        void run(Worker worker) throws Exception;
    }

    public Worker(String name, Duration pause, Loop loop) {
        this.name = name;
        this.pause = pause;
        this.loop = loop;
        this.thread = new Thread(this::supervise, name);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void stop() {
        stopping = true;
        thread.interrupt();
    }

    public boolean stopping() {
        return stopping;
    }

    public boolean isRunning() {
        return running && thread.isAlive();
    }

    public String name() {
        return name;
    }

    public Instant lastFailure() {
        return lastFailure;
    }

    private void supervise() {
        while (!stopping) {
            running = true;
            try {
                loop.run(this);
            } catch (InterruptedException e) {
                if (stopping) {
                    break;
                }
                failed(e);
            } catch (Exception | Error e) {
                if (!stopping) {
                    failed(e);
                }
            }
            running = false;
            if (!stopping) {
                sleep();
            }
        }
        running = false;
    }

    private void failed(Throwable e) {
        running = false;
        lastFailure = Instant.now();
        LOG.errorf(
                "Worker %s failed (%s); it starts again in %d ms",
                name, e.getClass().getName(), pause.toMillis());
        LOG.debugf(e, "Worker %s failed", name);
    }

    private void sleep() {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            // stop() interrupts; the loop condition then ends the thread
        }
    }
}
