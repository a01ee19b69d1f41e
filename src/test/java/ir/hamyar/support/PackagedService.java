package ir.hamyar.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged service started as an operator starts it ({@code java -jar}), each on a free port. */
public final class PackagedService implements AutoCloseable {

    /** The packaged service does not start without a checkpoint key (32 bytes or more). */
    public static final String CHECKPOINT_KEY = "packaged-test-checkpoint-key-0123456789abcdef";
    /** Nor without a master key (32 bytes as 64 hex characters). */
    public static final String MASTER_KEY = "9f".repeat(32);

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    /** bcrypt of {@code <name>-test}, as in the test profile; the packaged service ships with no users. */
    private static final List<String> TEST_USERS = List.of(
            "-Dhamyar.security.users.policy.password-hash=$2a$04$30vJjUUZiuJCrst4q9VUVeahIXkoSv5crwTOaAedfoZQ.M/g3mtSG",
            "-Dhamyar.security.users.policy.roles=policy",
            "-Dhamyar.security.users.policy2.password-hash=$2a$04$EaEGL8k9gOYXT/33HHPhnOlJqFM5qincaejLX.jm7sAxTMCkmpMAy",
            "-Dhamyar.security.users.policy2.roles=policy",
            "-Dhamyar.security.users.intake.password-hash=$2a$04$A07k1HlC6KNy4UP9nHF95ubXbHQI78m0TpZ0UyZ.AZ7Nrd4exzgfO",
            "-Dhamyar.security.users.intake.roles=intake",
            "-Dhamyar.security.users.auditor.password-hash=$2a$04$Tud6Bur..E.UJtQ2YxIYEu9epTW7R2tmFY2QXQHeFiwaY6IS3NBqC",
            "-Dhamyar.security.users.auditor.roles=auditor");

    private final Process process;
    private final Path log;
    private int port;

    private PackagedService(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** A database name no other run uses; the service creates it on start. Drop it with {@link #dropDatabase}. */
    public static String freshDatabase() {
        return "hamyar_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static PackagedService start(Path workDir, String name, String database, List<String> options)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "java",
                "-Dvertx.disableURIValidation=true",
                "-Dquarkus.http.port=0",
                "-Dhamyar.audit.checkpoint.key=" + CHECKPOINT_KEY,
                "-Dhamyar.privacy.master-key=" + MASTER_KEY,
                "-Dquarkus.datasource.jdbc.url=" + SERVER + database));
        command.addAll(options);
        command.addAll(List.of("-jar", JAR.toString()));
        Path log = workDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new PackagedService(process, log);
    }

    public static List<String> withTestUsers(String... options) {
        List<String> all = new ArrayList<>(TEST_USERS);
        all.addAll(List.of(options));
        return all;
    }

    public PackagedService awaitListening() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher matcher = LISTENING.matcher(log());
            if (matcher.find()) {
                port = Integer.parseInt(matcher.group(1));
                return this;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not start:\n" + log());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String user) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Authorization", basic(user))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String user, String contentType, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Authorization", basic(user))
                                .header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public static void dropDatabase(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
                Statement drop = connection.createStatement()) {
            drop.execute("drop database if exists \"" + database + "\" with (force)");
        }
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user + "-test").getBytes(StandardCharsets.UTF_8));
    }
}
