package ir.hamyar.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import ir.hamyar.json.Json;
import ir.hamyar.json.Sha256;
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
 * and writing them with sorted keys ({@code viaMaps}, the first form) or written straight from the tree
 * ({@code fromTree}, {@link Json#canonical}), and the text hashed ({@code hashed}, the same after either). Run with {@code ./mvnw -B -q test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.openjdk.jmh.Main
 * RequestHashBenchmark"} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RequestHashBenchmark {

    private static final ObjectWriter SORTED_MAPS =
            Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

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
        return SORTED_MAPS.writeValueAsString(Json.MAPPER.convertValue(body, Object.class));
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
