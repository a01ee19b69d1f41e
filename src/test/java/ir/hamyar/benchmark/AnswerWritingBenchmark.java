package ir.hamyar.benchmark;

import ir.hamyar.decision.DecisionResponse;
import ir.hamyar.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing a decision's answer (the benchmark family's 8.8 kB, mostly Persian reasons) into the bytes that are both
 * compressed for the record and sent: as a String encoded to UTF-8 once for each ({@code viaString}, as before) or as
 * UTF-8 bytes straight from Jackson ({@code asUtf8}). Run with {@code ./mvnw -B -q test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.openjdk.jmh.Main
 * AnswerWritingBenchmark"} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@Fork(1)
@Threads(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AnswerWritingBenchmark {

    private DecisionResponse answer;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = AnswerWritingBenchmark.class.getResourceAsStream("/benchmark/family-answer.json")) {
            answer = Json.MAPPER.readValue(in, DecisionResponse.class);
        }
    }

    @Benchmark
    public int viaString() throws IOException {
        String json = Json.MAPPER.writeValueAsString(answer);
        byte[] compressed = json.getBytes(StandardCharsets.UTF_8);
        byte[] sent = json.getBytes(StandardCharsets.UTF_8);
        return compressed.length + sent.length;
    }

    @Benchmark
    public int asUtf8() throws IOException {
        byte[] json = Json.MAPPER.writeValueAsBytes(answer);
        return json.length + json.length;
    }
}
