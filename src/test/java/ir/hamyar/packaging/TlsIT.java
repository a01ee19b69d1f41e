package ir.hamyar.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hamyar.support.PackagedDeployment;
import ir.hamyar.support.PackagedService;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged service serving TLS itself, as docs/operations.md configures it (`quarkus.http.ssl.*` with a
 * certificate made for the test by keytool): HTTPS answers, plain HTTP is redirected to it, and a client that does
 * not trust the certificate is refused the connection.
 */
class TlsIT {

    private static final String PASSWORD = "test-only-keystore-password";

    @RegisterExtension
    final PackagedDeployment deployment = new PackagedDeployment();

    @Test
    void servesHttpsAndRedirectsPlainHttpToIt() throws Exception {
        Path keystore = deployment.workDir().resolve("tls.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "hamyar",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue())
                .as(new String(keytool.getInputStream().readAllBytes()))
                .isZero();

        int httpPort = freePort();
        int httpsPort = freePort();
        try (PackagedService service = deployment
                .start(
                        "tls",
                        List.of(
                                "-Dquarkus.http.ssl.certificate.key-store-file=" + keystore,
                                "-Dquarkus.http.ssl.certificate.key-store-password=" + PASSWORD,
                                "-Dquarkus.http.port=" + httpPort,
                                "-Dquarkus.http.ssl-port=" + httpsPort,
                                "-Dquarkus.http.insecure-requests=redirect"))
                .awaitListening()) {
            assertThat(service.log()).contains("https://0.0.0.0:" + httpsPort);

            HttpResponse<String> plain = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: a browser's plain request
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isBetween(301, 308);
            assertThat(plain.headers().firstValue("Location").orElse(""))
                    .startsWith("https://")
                    .endsWith(":" + httpsPort + "/q/health/ready");

            HttpResponse<String> secure = HttpClient.newBuilder()
                    .sslContext(trusting(keystore))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/q/health/ready"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(secure.statusCode()).isEqualTo(200);
            assertThat(secure.body()).contains("UP");
            assertThat(secure.headers().firstValue("Strict-Transport-Security"))
                    .as("HSTS over TLS (failed before the change: no header)")
                    .hasValueSatisfying(value -> assertThat(value).startsWith("max-age=31536000"));
            assertThat(plain.headers().firstValue("Strict-Transport-Security"))
                    .as("nothing over plain HTTP")
                    .isEmpty();
            HttpResponse<String> signIn = HttpClient.newBuilder()
                    .sslContext(trusting(keystore))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/console/login"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.headers().allValues("Set-Cookie"))
                    .as("the CSRF cookie over TLS is a __Host- cookie (failed before the change: hamyar-csrf)")
                    .anySatisfy(cookie -> assertThat(cookie)
                            .startsWith("__Host-hamyar-csrf=")
                            .contains("Secure")
                            .contains("Path=/;")
                            .doesNotContain("Domain"));

            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("https://localhost:" + httpsPort + "/q/health/ready"))
                    .build();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                    .as("a client that does not trust the certificate")
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    /** A port free now (the redirect needs the HTTPS port known: with a random one Quarkus answers 404). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
