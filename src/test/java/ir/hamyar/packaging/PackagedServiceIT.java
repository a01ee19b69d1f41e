package ir.hamyar.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hamyar.support.RuleTrees;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service, started as an operator starts it: {@code java -jar}, from a directory of its own. */
class PackagedServiceIT {

    private static final Path JAR =
            Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private static final String TEST_DATABASE = "jdbc:postgresql://127.0.0.1:5432/hamyar_test";
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    @TempDir
    Path workDir;

    @Test
    void startsWithTheShippedRulesFromAnyDirectory() throws Exception {
        Path log = workDir.resolve("service.log");
        Process service = start(log, List.of());
        try {
            int port = awaitPort(log, service);
            HttpResponse<String> ready = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            HttpResponse<String> decision = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/decisions/helper"))
                                    .header("Authorization", "Basic aW50YWtlOmludGFrZS1kZW1v")
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains(RuleTrees.shipped().sha256());
            assertThat(Files.readString(log)).contains("from shipped rules");
            assertThat(decision.statusCode())
                    .as("the packaged service ships with no users")
                    .isEqualTo(401);
        } finally {
            service.destroy();
            service.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRuleFileWithASyntaxErrorStopsStartupNamingItsFileAndLine() throws Exception {
        Path rules = workDir.resolve("rules");
        copyShippedRules(rules);
        Files.writeString(
                rules.resolve("safehouse/broken.drl"),
                "package safehouse;\n\nrule \"Broken\"\nwhen\n    this is not drl\nthen\nend\n");
        Path log = workDir.resolve("service.log");

        Process service = start(log, List.of("-Dhamyar.rules.dir=" + rules));

        assertThat(service.waitFor(90, TimeUnit.SECONDS))
                .as("the service stops by itself")
                .isTrue();
        assertThat(service.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("safehouse/broken.drl:5").doesNotContain("Listening on");
    }

    private Process start(Path log, List<String> options) throws IOException {
        List<String> command = new java.util.ArrayList<>(
                List.of("java", "-Dquarkus.http.port=0", "-Dquarkus.datasource.jdbc.url=" + TEST_DATABASE));
        command.addAll(options);
        command.addAll(List.of("-jar", JAR.toString()));
        return new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static int awaitPort(Path log, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && service.isAlive()) {
            Matcher matcher = LISTENING.matcher(Files.readString(log));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not start:\n" + Files.readString(log));
    }

    private static void copyShippedRules(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(RuleTrees.SHIPPED)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(RuleTrees.SHIPPED.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }
}
