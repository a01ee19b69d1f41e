package ir.hamyar.robustness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The live API description passes redocly's recommended rules and spectral's {@code spectral:oas} without an error.
 * The linters are the npm packages pinned in src/test/openapi (installed by the build, see pom.xml).
 */
@QuarkusTest
class OpenApiLintTest {

    static final Path LINTERS = Path.of("src/test/openapi");

    @Test
    void redoclyFindsNoError() throws Exception {
        Path spec = liveSpec();

        Run run = run(List.of(
                LINTERS.resolve("node_modules/.bin/redocly").toString(),
                "lint",
                "--format",
                "stylish",
                "--config",
                LINTERS.resolve("redocly.yaml").toString(),
                spec.toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void spectralFindsNoError() throws Exception {
        Path spec = liveSpec();

        Run run = run(List.of(
                LINTERS.resolve("node_modules/.bin/spectral").toString(),
                "lint",
                "--fail-severity",
                "error",
                "--ruleset",
                LINTERS.resolve(".spectral.yaml").toString(),
                spec.toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    static Path liveSpec() throws IOException {
        Path spec = Path.of("target/openapi.json");
        Files.writeString(
                spec,
                given().accept("application/json").get("/q/openapi?format=json").asString(),
                StandardCharsets.UTF_8);
        return spec;
    }

    private static Run run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {}
}
