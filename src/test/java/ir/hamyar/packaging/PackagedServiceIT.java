package ir.hamyar.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hamyar.engine.RuleTreeLoader;
import ir.hamyar.support.OwnDatabases;
import ir.hamyar.support.PackagedDeployment;
import ir.hamyar.support.PackagedService;
import ir.hamyar.support.RuleTrees;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The packaged service, started as an operator starts it: {@code java -jar}, from a directory of its own. */
class PackagedServiceIT {

    @RegisterExtension
    final PackagedDeployment deployment = new PackagedDeployment();

    @Test
    void startsWithTheShippedRulesFromAnyDirectory() throws Exception {
        try (PackagedService service = deployment.start("service", List.of()).awaitListening()) {
            HttpResponse<String> ready = service.get("/q/health/ready");
            HttpResponse<String> decision =
                    service.post("/api/v1/decisions/helper", "intake", "application/json", "{}");

            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains(RuleTrees.shipped().sha256());
            assertThat(service.log()).contains("First start: the rules from shipped rules are version 1");
            assertThat(decision.statusCode())
                    .as("the packaged service ships with no users")
                    .isEqualTo(401);
        }
    }

    @Test
    void theOwnersPasswordIsReadFromItsFileForTheMigrationsOnlyAndTheServiceKeepsNoOwnerOrSuperuserConnection()
            throws Exception {
        String canary = "owner-canary-" + UUID.randomUUID();
        Path passwordFile = deployment.workDir().resolve("owner-password");
        Files.writeString(passwordFile, canary + "\n");

        try (PackagedService service = deployment
                .start("service", List.of("-Dhamyar.database.owner-password-file=" + passwordFile))
                .awaitListening()) {
            assertThat(service.get("/q/health/ready").statusCode()).isEqualTo(200);
            long pid = service.process().pid();

            assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline"))).doesNotContain(canary);
            assertThat(new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ"))))
                    .doesNotContain(canary);
            assertThat(service.log()).doesNotContain(canary);
            assertThat(OwnDatabases.asSuperuser(
                            deployment.database(),
                            "select string_agg(distinct a.usename || ':' || r.rolsuper, ',') from pg_stat_activity a"
                                    + " join pg_roles r on r.rolname = a.usename where a.datname = '"
                                    + deployment.database() + "' and a.pid <> pg_backend_pid()"))
                    .as("after start the service is connected as its own role only, which is no superuser")
                    .isEqualTo("hamyar_app:false");
        }
    }

    @Test
    void anOwnerPasswordFileThatCannotBeReadStopsStartupNamingTheKey() throws Exception {
        Path missing = deployment.workDir().resolve("no-such-password-file");

        try (PackagedService service =
                deployment.start("service", List.of("-Dhamyar.database.owner-password-file=" + missing))) {
            assertThat(service.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(service.process().exitValue()).isNotZero();
            assertThat(service.log())
                    .contains("hamyar.database.owner-password-file")
                    .doesNotContain("Listening on");
        }
    }

    @Test
    void onAFirstStartARuleFileWithASyntaxErrorStopsStartupNamingItsFileAndLine() throws Exception {
        Path rules = deployment.workDir().resolve("rules");
        copyShippedRules(rules);
        Files.writeString(
                rules.resolve("safehouse/broken.drl"),
                "package safehouse;\n\nrule \"Broken\"\nwhen\n    this is not drl\nthen\nend\n");

        try (PackagedService service = deployment.start("service", List.of("-Dhamyar.rules.dir=" + rules))) {
            assertThat(service.process().waitFor(90, TimeUnit.SECONDS))
                    .as("the service stops by itself")
                    .isTrue();
            assertThat(service.process().exitValue()).isNotZero();
            assertThat(service.log()).contains("safehouse/broken.drl:5").doesNotContain("Listening on");
        }
    }

    @Test
    void aBrokenRulesDirectoryDoesNotStopAServiceWhoseDatabaseHasAGoodVersion() throws Exception {
        try (PackagedService first = deployment.start("first", List.of()).awaitListening()) {
            assertThat(first.get("/q/health/ready").statusCode()).isEqualTo(200);
            assertThat(first.log())
                    .as("a first start loads the shipped rules as the build compiled them into the jar")
                    .contains("Loaded the compiled rules of tree "
                            + RuleTrees.shipped().sha256() + ", shipped in the jar")
                    .doesNotContain("Compiled the rules of tree");
        }
        Path rules = deployment.workDir().resolve("rules");
        copyShippedRules(rules);
        Files.writeString(rules.resolve("safehouse/broken.drl"), "package safehouse;\n\nrule \"Broken\"\nwhen\n  (\n");

        try (PackagedService second = deployment
                .start("second", List.of("-Dhamyar.rules.dir=" + rules))
                .awaitListening()) {
            HttpResponse<String> ready = second.get("/q/health/ready");

            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains(RuleTrees.shipped().sha256());
            assertThat(second.log())
                    .as("a restart loads the compiled rules of the active version rather than compiling them")
                    .contains("Loaded the compiled rules of tree "
                            + RuleTrees.shipped().sha256() + " in ")
                    .doesNotContain(
                            "Compiled the rules of tree " + RuleTrees.shipped().sha256())
                    .contains("do not validate (version 2, REJECTED); the active version is unchanged")
                    .contains("safehouse/broken.drl:6");
        }
    }

    @Test
    void rulesOtherThanTheShippedOnesAreCompiledOnceThenLoadedFromTheDatabase() throws Exception {
        Path rules = deployment.workDir().resolve("rules");
        copyShippedRules(rules);
        Path stay = rules.resolve("safehouse/stay.drl");
        Files.writeString(stay, Files.readString(stay) + "\n// a local copy of the shipped rules\n");
        String tree = RuleTreeLoader.fromDirectory(rules).sha256();
        List<String> options = List.of("-Dhamyar.rules.dir=" + rules);

        try (PackagedService first = deployment.start("first", options).awaitListening()) {
            assertThat(first.get("/q/health/ready").body()).contains(tree);
            assertThat(first.log())
                    .as("the rules shipped compiled in the jar are not this tree's")
                    .contains("Compiled the rules of tree " + tree);
        }
        try (PackagedService second = deployment.start("second", options).awaitListening()) {
            assertThat(second.get("/q/health/ready").body()).contains(tree);
            assertThat(second.log())
                    .contains("Loaded the compiled rules of tree " + tree + " in ")
                    .doesNotContain("Compiled the rules of tree");
        }
    }

    @Test
    void refusesToStartWithoutACheckpointKeyOrWithAShortOne() throws Exception {
        for (String key : List.of("", "only-31-bytes-long-0123456789ab")) {
            try (PackagedService service =
                    deployment.start("no-key", List.of("-Dhamyar.audit.checkpoint.key=" + key))) {
                assertThat(service.process().waitFor(90, TimeUnit.SECONDS))
                        .as("the service stops by itself")
                        .isTrue();
                assertThat(service.process().exitValue()).isNotZero();
                assertThat(service.log())
                        .contains("hamyar.audit.checkpoint.key is " + (key.isEmpty() ? "not set" : "shorter than 32"))
                        .contains("openssl rand -hex 32")
                        .doesNotContain("Listening on");
            }
        }
    }

    @Test
    void refusesToStartWithoutAMasterKeyOrWithAMalformedOne() throws Exception {
        for (String key : List.of("", "zz".repeat(31))) {
            try (PackagedService service =
                    deployment.start("no-master-key", List.of("-Dhamyar.privacy.master-key=" + key))) {
                assertThat(service.process().waitFor(90, TimeUnit.SECONDS))
                        .as("the service stops by itself")
                        .isTrue();
                assertThat(service.process().exitValue()).isNotZero();
                assertThat(service.log())
                        .contains("hamyar.privacy.master-key " + (key.isEmpty() ? "is not set" : "must be 32 bytes"))
                        .contains("openssl rand -hex 32")
                        .doesNotContain(key.isEmpty() ? "Listening on" : key)
                        .doesNotContain("Listening on");
            }
        }
    }

    static void copyShippedRules(Path target) throws IOException {
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
