package ir.hamyar.benchmark;

import ir.hamyar.privacy.DataKey;
import ir.hamyar.privacy.Sealed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
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
 * Compressing a decision's input and answer before they are sealed, as the request's thread does for every decision:
 * the benchmark family of {@code benchmarks/family-decision.lua} (its 712-byte body and 8.8 kB answer), with zstd
 * and dictionary 1 ({@link Sealed#compress}) against deflate at level 1, the format before it. Each prints the bytes
 * it stores once; and sealing the compressed answer under a data key ({@code sealAnswer}), which the chain's one writer
 * does for every decision. Two threads, as on this machine's two cores. Run with {@code ./mvnw -B -q test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.openjdk.jmh.Main
 * SealingBenchmark"} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@Fork(1)
@Threads(2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SealingBenchmark {

    private String input;
    private String answer;
    private Sealed.Compressed compressedAnswer;
    private DataKey key;

    @Setup
    public void setUp() {
        input = resource("/benchmark/family-input.json");
        answer = resource("/benchmark/family-answer.json");
        compressedAnswer = Sealed.compress(answer);
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = new DataKey(UUID.randomUUID(), bytes);
        System.out.printf(
                "%nstored: zstd + dictionary %d + %d bytes, deflate %d + %d bytes%n",
                Sealed.compress(input).bytes().length,
                Sealed.compress(answer).bytes().length,
                deflate(input).length,
                deflate(answer).length);
    }

    @Benchmark
    public int zstdWithDictionary() {
        return Sealed.compress(input).bytes().length + Sealed.compress(answer).bytes().length;
    }

    /** Sealing the compressed answer under a subject's key, as the chain's one writer does for every decision. */
    @Benchmark
    public int sealAnswer() {
        return key.sealCompressed(compressedAnswer, "benchmark answer").length;
    }

    @Benchmark
    public int deflateLevelOne() {
        return deflate(input).length + deflate(answer).length;
    }

    private static byte[] deflate(String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static String resource(String name) {
        try (InputStream in = SealingBenchmark.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
