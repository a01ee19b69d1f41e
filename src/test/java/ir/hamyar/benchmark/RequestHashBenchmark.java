package ir.hamyar.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.json.Json;
import ir.hamyar.json.Sha256;
import ir.hamyar.support.FirstCanonicalForm;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A request's hash (the benchmark family's body, as parsed): its canonical text made by turning the tree into maps
 * and writing them with sorted keys ({@code viaMaps}, {@link FirstCanonicalForm}) or written straight from the tree
 * ({@code fromTree}, {@link Json#canonical}), and the text hashed ({@code hashed}, the same after either). Run with
 * {@code ./mvnw -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath org.openjdk.jmh.Main RequestHashBenchmark"} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RequestHashBenchmark {

    private JsonNode body;
    private String canonical;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = RequestHashBenchmark.class.getResourceAsStream("/benchmark/family-input.json")) {
            body = Json.MAPPER.readTree(in);
        }
        canonical = Json.canonical(body);
    }

    @Benchmark
    public String viaMaps() throws IOException {
        return FirstCanonicalForm.of(body);
    }

    @Benchmark
    public String fromTree() {
        return Json.canonical(body);
    }

    /** What each request pays after either: the text hashed. */
    @Benchmark
    public String hashed() {
        return Sha256.hex(("family\n" + canonical).getBytes(StandardCharsets.UTF_8));
    }
}
