package ir.hamyar.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A worker whose loop dies of an Error (the ruleset follower once died of OutOfMemoryError) runs again. */
class WorkerTest {

    @Test
    void aLoopThatDiesOfAnErrorIsRestartedAndSaysItIsNotRunningMeanwhile() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch secondRun = new CountDownLatch(1);
        CountDownLatch failing = new CountDownLatch(1);
        Workers workers = new Workers();
        Worker worker = workers.start("test-worker", Duration.ofMillis(300), self -> {
            if (runs.incrementAndGet() == 1) {
                failing.countDown();
                throw new OutOfMemoryError("simulated");
            }
            secondRun.countDown();
            while (!self.stopping()) {
                Thread.sleep(10);
            }
        });

        assertThat(failing.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(worker.isRunning()).as("between the failure and the restart").isFalse();
        assertThat(new WorkersReadiness(workers).call().getStatus().name()).isEqualTo("DOWN");
        assertThat(secondRun.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.isRunning()).isTrue();
        assertThat(worker.lastFailure()).isNotNull();
        assertThat(new WorkersReadiness(workers).call().getStatus().name()).isEqualTo("UP");

        workers.stop(worker);
        Thread.sleep(100);
        assertThat(worker.isRunning()).isFalse();
        assertThat(runs).hasValue(2);
    }
}
