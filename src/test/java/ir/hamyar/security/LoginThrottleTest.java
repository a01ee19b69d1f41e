package ir.hamyar.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ir.hamyar.support.Api;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Password guessing (contract v1.1): failures per user name and client address are slowed, then refused with 429
 * and Retry-After, the same for a user that exists and one that does not, while the right password from another
 * address still gets in; an unknown user's answer takes as long as a wrong password's. Each client address is one of
 * 127.0.0.0/8, all of them loopback, bound as the socket's local address.
 */
@QuarkusTest
@TestProfile(LoginThrottleTest.Throttled.class)
class LoginThrottleTest {

    private static final String PATH = "/api/v1/rulesets/active/indicators";

    @TestHTTPResource("/")
    URL base;

    @Test
    void twentyWrongPasswordsAreRefusedAndTheRightOneFromElsewhereStillGetsIn() throws Exception {
        String guess = "guess-" + UUID.randomUUID();
        List<Answer> existing = new ArrayList<>();
        List<Answer> unknown = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            existing.add(call("127.0.0.11", "intake", guess));
            unknown.add(call("127.0.0.12", "nobody-" + guess.substring(6, 14), guess));
        }
        for (List<Answer> answers : List.of(existing, unknown)) {
            assertThat(answers.subList(0, 10))
                    .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(401));
            assertThat(answers.subList(10, 20)).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(429);
                assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
                assertThat(Long.parseLong(answer.headers().get("retry-after"))).isBetween(1L, 900L);
                assertThat(answer.body()).contains("urn:hamyar:problem:too-many-attempts");
            });
            assertThat(answers.get(9).millis())
                    .as("the tenth failure is answered later")
                    .isGreaterThanOrEqualTo(1_000);
        }
        assertThat(existing.get(15).body()).isEqualTo(unknown.get(15).body());

        assertThat(call("127.0.0.11", "intake", "intake-test").status())
                .as("refused for a while")
                .isEqualTo(429);
        assertThat(call("127.0.0.13", "intake", "intake-test").status())
                .as("from elsewhere")
                .isEqualTo(200);

        String metrics = Api.as("admin").get("/q/metrics").asString();
        assertThat(metrics).containsPattern("hamyar_auth_failures_total(\\{[^}]*\\})? [0-9.]+");
        assertThat(Files.readString(Path.of("target", "quarkus-test.log"))).doesNotContain(guess);
    }

    @Test
    void guessesSentTogetherCannotSlipUnderTheLimit() throws Exception {
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String password = "parallel-guess-" + i + "-" + "x".repeat(80); // past bcrypt's 72 bytes: still a 401
            guesses.add(() -> call("127.0.0.31", "intake", password).status());
        }
        ExecutorService clients = Executors.newFixedThreadPool(30);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : clients.invokeAll(guesses)) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(401, 429);
            assertThat(statuses.stream().filter(status -> status == 401)).hasSizeLessThanOrEqualTo(10);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aCallerWithMoreRequestsInFlightThanTheLimitIsNeverRefused() throws Exception {
        assertThat(call("127.0.0.41", "intake", "intake-test").status()).isEqualTo(200);
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            requests.add(() -> call("127.0.0.41", "intake", "intake-test").status());
        }
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : clients.invokeAll(requests)) {
                statuses.add(answer.get());
            }
            assertThat(statuses).as("32 at a time, the limit being 10 failures").containsOnly(200);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aSuccessfulSignInIsNotSlowedAndClearsTheCount() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(call("127.0.0.21", "intake", "wrong-password").status()).isEqualTo(401);
        }
        Answer success = call("127.0.0.21", "intake", "intake-test");
        assertThat(success.status()).isEqualTo(200);
        assertThat(success.millis())
                .as("not slowed like a sixth failure (900 ms)")
                .isLessThan(900);
        Answer next = call("127.0.0.21", "intake", "wrong-password");
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.millis()).as("counting starts again").isLessThan(900);
    }

    @Test
    void anUnknownUserTakesAsLongAsAWrongPassword() throws Exception {
        List<Long> existing = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            existing.add(call("127.0.1." + i, "slow", "wrong-" + i).nanos());
            unknown.add(call("127.0.2." + i, "nobody-" + i, "wrong-" + i).nanos());
        }
        double existingMs = median(existing) / 1e6;
        double unknownMs = median(unknown) / 1e6;
        assertThat(existingMs).as("a cost-8 bcrypt is measurable").isGreaterThan(5);
        assertThat(Math.abs(existingMs - unknownMs))
                .as("median %.1f ms for a wrong password, %.1f ms for an unknown user", existingMs, unknownMs)
                .isLessThan(existingMs / 4);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
    }

    /** One request from {@code from} (a loopback address of 127.0.0.0/8), read whole; the connection closed. */
    private Answer call(String from, String user, String password) throws Exception {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        long started = System.nanoTime();
        try (Socket socket =
                new Socket(InetAddress.getByName(base.getHost()), base.getPort(), InetAddress.getByName(from), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + PATH + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).toLowerCase(),
                        line.substring(colon + 1).strip());
            }
            StringBuilder body = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                body.append(line).append('\n');
            }
            long nanos = System.nanoTime() - started;
            return new Answer(status, headers, body.toString(), nanos);
        }
    }

    record Answer(int status, Map<String, String> headers, String body, long nanos) {
        long millis() {
            return nanos / 1_000_000;
        }
    }

    /** Limits small enough to reach in a test; a user whose bcrypt cost (8) makes its time measurable. */
    public static class Throttled implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "hamyar.security.login-throttle.max-failures", "10",
                    "hamyar.security.login-throttle.max-failures-per-address", "1000",
                    "hamyar.security.login-throttle.slow-after", "3",
                    "hamyar.security.login-throttle.delay-step", "300ms",
                    "hamyar.security.login-throttle.max-delay", "1200ms",
                    "hamyar.security.users.slow.password-hash",
                            "$2a$08$QxTR2KuiSy96UnSlsCATIOk1oM1oWZL9qijX5xgoFfS6RC38NiF/.",
                    "hamyar.security.users.slow.roles", "intake");
        }
    }
}
