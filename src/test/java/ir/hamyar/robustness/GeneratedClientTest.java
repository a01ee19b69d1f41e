package ir.hamyar.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Records;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated from the live API description by openapi-generator's own CLI (the jar the build copies to
 * target/), compiled and used unedited by an integrator's program (src/test/resources/generated-client): a family
 * decision, its read back by id, and a 400 read as a problem.
 */
@QuarkusTest
class GeneratedClientTest {

    private static final Path GENERATED = Path.of("target/generated-client");

    @TestHTTPResource("/")
    URI root;

    @Inject
    AgroalDataSource dataSource;

    @Test
    @SuppressWarnings("unchecked")
    void aGeneratedClientDecidesReadsBackAndParsesAProblemUnedited() throws Exception {
        generate(OpenApiLintTest.liveSpec());
        Path classes = compile();
        String familyRef = "F-CLIENT-" + UUID.randomUUID().toString().substring(0, 8);

        List<String> seen;
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            seen = (List<String>) loader.loadClass("ir.hamyar.clientcheck.ClientScenario")
                    .getMethod("run", String.class, String.class, String.class, String.class)
                    .invoke(null, root.toString().replaceAll("/$", ""), "intake", "intake-test", familyRef);
        }

        String decided = seen.get(0);
        String decisionId = decided.split(" ")[1];
        assertThat(decided).matches("decided [0-9a-f-]{36} under version \\d+");
        assertThat(seen).contains("concluded ACCOMPANY m2 NOT_ALLOWED", "concluded SAFE_HOUSE m1 RESIDENTIAL");
        assertThat(seen).anyMatch(line -> line.startsWith("read back " + decisionId + " with "));
        assertThat(seen).contains("refused 400 400 members[0].birthDate");
        assertThat(Records.countForSubject(dataSource, familyRef)).isEqualTo(1);
    }

    private static void generate(Path spec) throws Exception {
        deleteTree(GENERATED);
        Process generator = new ProcessBuilder(
                        "java",
                        "-jar",
                        "target/openapi-generator-cli.jar",
                        "generate",
                        "-g",
                        "java",
                        "--library",
                        "native",
                        "-i",
                        spec.toString(),
                        "-o",
                        GENERATED.toString(),
                        "--additional-properties=useJakartaEe=true,openApiNullable=false,hideGenerationTimestamp=true,"
                                + "invokerPackage=ir.hamyar.client,apiPackage=ir.hamyar.client.api,"
                                + "modelPackage=ir.hamyar.client.model,annotationLibrary=none,documentationProvider=none")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/openapi-generator.log").toFile())
                .start();
        assertThat(generator.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(generator.exitValue())
                .as(Files.readString(Path.of("target/openapi-generator.log"), StandardCharsets.UTF_8))
                .isZero();
    }

    /** The generated sources as they are, and the integrator's program, compiled against the test class path. */
    private static Path compile() throws IOException {
        Path classes = GENERATED.resolve("classes");
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-classpath",
                testClassPath(),
                "-proc:none",
                "-nowarn",
                "-encoding",
                "UTF-8"));
        try (Stream<Path> sources = Files.walk(GENERATED.resolve("src/main/java"))) {
            sources.filter(path -> path.toString().endsWith(".java")).forEach(path -> arguments.add(path.toString()));
        }
        arguments.add("src/test/resources/generated-client/ClientScenario.java");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new)))
                .as("the generated client compiles unedited")
                .isZero();
        return classes;
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (File file :
                    paths.sorted(Comparator.reverseOrder()).map(Path::toFile).toList()) {
                Files.delete(file.toPath());
            }
        }
    }
}
