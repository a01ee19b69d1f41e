package ir.hamyar.benchmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.Evaluator;
import ir.hamyar.engine.RuleCompiler;
import ir.hamyar.engine.RuleTreeLoader;
import ir.hamyar.evaluation.Evaluations;
import ir.hamyar.json.Json;
import ir.hamyar.json.JsonLimits;
import ir.hamyar.json.StrictJson;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.profile.ProfileKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a family body, from bytes to facts or to the 400 that refuses it, against its size: valid families of 1 to
 * 30 members, and invalid bodies of empty members or nulls from 10 up to past the limits. Refusing must grow linearly
 * with the size and stay far below a decision. Run with {@code ./mvnw -B -q test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.openjdk.jmh.Main
 * ReadingBenchmark"} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ReadingBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Param({"10", "30", "100", "1000", "20000", "262000"})
    public int size;

    private CompiledRuleset ruleset;
    private Evaluations evaluations;
    private byte[] validFamily;
    private byte[] emptyMembers;
    private byte[] nullMembers;

    @Setup
    public void setUp() {
        java.util.logging.Logger.getLogger("").setLevel(Level.INFO);
        ruleset = new RuleCompiler().compile(RuleTreeLoader.fromDirectory(Path.of("rules")));
        evaluations = new Evaluations(new Evaluator(10_000));
        validFamily = family(Math.min(size, 30)).getBytes(StandardCharsets.UTF_8);
        emptyMembers = ("{\"familyRef\":\"F-1\",\"members\":[" + "{},".repeat(size - 1) + "{}]}")
                .getBytes(StandardCharsets.UTF_8);
        nullMembers = ("{\"familyRef\":\"F-1\",\"members\":[" + "null,".repeat(size - 1) + "null]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A valid family of at most 30 members (the contract's limit), read and decided. */
    @Benchmark
    public Object validFamilyReadAndDecided() {
        return evaluations.evaluate(
                ruleset, ProfileKind.FAMILY, StrictJson.parse(validFamily, JsonLimits.PROFILE), "", TODAY);
    }

    @Benchmark
    public Object emptyMembersRefused() {
        return refused(emptyMembers);
    }

    @Benchmark
    public Object nullMembersRefused() {
        return refused(nullMembers);
    }

    private Object refused(byte[] body) {
        try {
            return evaluations.evaluate(
                    ruleset, ProfileKind.FAMILY, StrictJson.parse(body, JsonLimits.PROFILE), "", TODAY);
        } catch (InvalidInputException e) {
            return e.problem();
        }
    }

    private static String family(int members) {
        ObjectNode family =
                Json.MAPPER.createObjectNode().put("familyRef", "F-1").put("assessedOn", "2026-11-20");
        ArrayNode list = family.putArray("members");
        list.addObject()
                .put("ref", "m0")
                .put("role", "HEAD")
                .put("sex", "FEMALE")
                .put("birthDate", "1990-04-02");
        for (int i = 1; i < members; i++) {
            list.addObject()
                    .put("ref", "m" + i)
                    .put("role", "CHILD")
                    .put("sex", i % 2 == 0 ? "FEMALE" : "MALE")
                    .put("birthDate", "2015-0" + (1 + i % 9) + "-1" + (i % 9));
        }
        family.putObject("indicators").put("SAFETY", 1).put("HOUSING", 2).put("INCOME", 3);
        family.putArray("circumstances").add("DOMESTIC_VIOLENCE");
        family.putObject("safeHouse")
                .put("applicantRef", "m0")
                .put("admissionOn", "2026-11-21")
                .put("immediateDanger", true);
        return family.toString();
    }
}
