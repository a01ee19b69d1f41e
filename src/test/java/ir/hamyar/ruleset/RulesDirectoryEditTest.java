package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ir.hamyar.engine.RuleTreeLoader;
import ir.hamyar.support.Api;
import ir.hamyar.support.RuleTrees;
import ir.hamyar.support.Rulesets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An operator edits the rules directory of a running single-node service (auto-activate on, as in dev). */
@QuarkusTest
@TestProfile(RulesDirectoryEditTest.EditableRules.class)
class RulesDirectoryEditTest {

    /** A fixed path: the profile (which copies the rules there) and the test run in different class loaders. */
    static final Path RULES = Path.of("target/rules-directory-edit-test").toAbsolutePath();

    @AfterEach
    void restore() {
        Rulesets.restoreShipped();
    }

    @Test
    void anEditThatValidatesBecomesTheActiveVersionAndOneThatDoesNotChangesNothing() throws Exception {
        Path parameters = RULES.resolve("safehouse/parameters.yaml");
        Files.writeString(
                parameters,
                Files.readString(parameters)
                        .replace("    2016-03-20: 12\n", "    2016-03-20: 12\n    2026-11-22: 14\n"));
        Files.copy(
                Path.of("src/test/resources/fixtures/rulesets/son-age-14.scenarios.yaml"),
                RULES.resolve("safehouse/son-age-14.scenarios.yaml"));
        Files.writeString(RULES.resolve("README.md"), Rulesets.marked(RuleTrees.shipped()));
        String edited = RuleTreeLoader.fromDirectory(RULES).sha256();

        Map<String, Object> active = awaitVersion(edited);
        assertThat(active).containsEntry("status", "ACTIVE").containsEntry("createdBy", "rules-directory");
        Api.as("auditor")
                .get("/api/v1/audit/events?version=" + active.get("version") + "&action=ACTIVATED")
                .then()
                .body("items[0].actor", equalTo("rules-directory"));

        Files.writeString(RULES.resolve("safehouse/broken.drl"), "package safehouse;\n\nrule \"Broken\"\nwhen\n  (\n");
        String broken = RuleTreeLoader.fromDirectory(RULES).sha256();

        assertThat(awaitVersion(broken)).containsEntry("status", "REJECTED");
        assertThat(Rulesets.active()).isEqualTo(active.get("version"));
    }

    private static Map<String, Object> awaitVersion(String sha256) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> versions =
                    Api.as("policy").get("/api/v1/rulesets").then().extract().path("");
            Optional<Map<String, Object>> found = versions.stream()
                    .filter(version -> sha256.equals(version.get("sha256")))
                    .filter(version -> !"DRAFT".equals(version.get("status")))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no version with sha256 " + sha256 + " appeared");
    }

    private static void copyShippedRules() {
        try {
            if (Files.exists(RULES)) {
                try (Stream<Path> old = Files.walk(RULES)) {
                    old.sorted(java.util.Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            }
            Path copy = Files.createDirectories(RULES);
            try (Stream<Path> files = Files.walk(RuleTrees.SHIPPED)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target =
                            copy.resolve(RuleTrees.SHIPPED.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class EditableRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            copyShippedRules();
            return Map.of(
                    "hamyar.rules.dir", RULES.toString(),
                    "hamyar.rules.auto-activate", "true",
                    "hamyar.rules.watch-interval", "200ms");
        }
    }
}
