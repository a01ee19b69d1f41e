package ir.hamyar.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.Evaluation;
import ir.hamyar.engine.Evaluator;
import ir.hamyar.engine.RuleCompiler;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.engine.RuleTreeLoader;
import ir.hamyar.evaluation.Evaluated;
import ir.hamyar.evaluation.Evaluations;
import ir.hamyar.json.Json;
import ir.hamyar.profile.ProfileKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
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
 * The rules engine without HTTP or the database, on the shipped rules: one decision for the safe-house family
 * fixture (reading the profile into facts, then the stateless session), and a whole KieBase build. Run with
 * {@code ./mvnw -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath org.openjdk.jmh.Main EngineBenchmark"} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class EngineBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private RuleTree tree;
    private CompiledRuleset ruleset;
    private Evaluator evaluator;
    private Evaluations evaluations;
    private JsonNode family;
    private List<Object> facts;

    @Setup
    public void setUp() throws IOException {
        // As the service logs (INFO): outside Quarkus nothing sets a level, and Drools' trace lines would be formatted.
        java.util.logging.Logger.getLogger("").setLevel(Level.INFO);
        tree = RuleTreeLoader.fromDirectory(Path.of("rules"));
        ruleset = new RuleCompiler().compile(tree);
        evaluator = new Evaluator(10_000);
        evaluations = new Evaluations(evaluator);
        family = Json.MAPPER.readTree(
                Path.of("src/test/resources/fixtures/family-safehouse.json").toFile());
        facts = evaluations
                .evaluate(ruleset, ProfileKind.FAMILY, family, "", TODAY)
                .profile()
                .facts();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public Evaluation rulesOnly() {
        return evaluator.evaluate(ruleset, facts);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public Evaluated readAndDecide() {
        return evaluations.evaluate(ruleset, ProfileKind.FAMILY, family, "", TODAY);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public CompiledRuleset kieBaseBuild() {
        return new RuleCompiler().compile(tree);
    }
}
