package ir.hamyar.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * An OpenID Connect provider as Keycloak shows itself to Hamyar, served by the test JVM (no Docker here): discovery
 * and its signing key at {@code /realms/hamyar}, and tokens shaped like Keycloak's (realm roles under
 * {@code realm_access.roles}, {@code preferred_username}, an {@code organisation} claim), signed with that key — or,
 * to show they are refused, expired, signed with another key, for another audience or from another issuer. It also
 * plays the authorization-code flow: its authorization endpoint signs in whoever the test named and sends the browser
 * back with a code, which its token endpoint exchanges for that person's tokens.
 */
public final class TestIdentityProvider {

    public static final String AUDIENCE = "hamyar";
    private static TestIdentityProvider running;

    // Quarkus loads test classes twice (the profile's class loader and the tests'): the one that starts the server
    // leaves its address, key and who signs in next in system properties, where the other finds them.
    private static final String PORT = "hamyar.test.idp.port";
    private static final String KEY = "hamyar.test.idp.key";
    private static final String NEXT = "hamyar.test.idp.next";

    private final int port;
    private final RsaJsonWebKey key;
    private final RsaJsonWebKey stranger;
    private final Map<String, JwtClaims> codes = new ConcurrentHashMap<>();

    private TestIdentityProvider(int port, RsaJsonWebKey key) throws JoseException {
        this.port = port;
        this.key = key;
        stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId(key.getKeyId());
    }

    private static TestIdentityProvider start() throws IOException, JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("hamyar-test");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TestIdentityProvider provider =
                new TestIdentityProvider(server.getAddress().getPort(), key);
        provider.serve(server);
        System.setProperty(PORT, Integer.toString(provider.port));
        System.setProperty(KEY, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        return provider;
    }

    private void serve(HttpServer server) {
        server.createContext(
                "/realms/hamyar/.well-known/openid-configuration", exchange -> json(exchange, discovery()));
        server.createContext(
                "/realms/hamyar/protocol/openid-connect/certs",
                exchange ->
                        json(exchange, "{\"keys\":[" + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}"));
        server.createContext("/realms/hamyar/protocol/openid-connect/auth", this::authorize);
        server.createContext("/realms/hamyar/protocol/openid-connect/token", this::exchangeCode);
        server.start();
    }

    /** Who signs in at the next authorization request (the test's stand-in for typing a password at Keycloak). */
    public void nextSignIn(String user, String organisation, String... roles) {
        System.setProperty(
                NEXT, user + "|" + (organisation == null ? "" : organisation) + "|" + String.join(",", roles));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        String[] next = System.getProperty(NEXT).split("\\|", -1);
        JwtClaims claims = claims(next[0], next[1].isEmpty() ? null : next[1], next[2].split(","));
        if (query.containsKey("nonce")) {
            claims.setClaim("nonce", query.get("nonce"));
        }
        codes.put(code, claims);
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private void exchangeCode(HttpExchange exchange) throws IOException {
        Map<String, String> form =
                parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        JwtClaims claims = codes.remove(form.get("code"));
        if (claims == null) {
            try (exchange) {
                exchange.sendResponseHeaders(400, -1);
            }
            return;
        }
        String token = sign(claims, key);
        json(
                exchange,
                "{\"access_token\":\"" + token + "\",\"id_token\":\"" + token
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static Map<String, String> parameters(String encoded) {
        Map<String, String> parameters = new HashMap<>();
        if (encoded == null) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** The provider of this test JVM, started on first use. */
    public static synchronized TestIdentityProvider running() {
        if (running == null) {
            try {
                running = System.getProperty(PORT) == null
                        ? start()
                        : new TestIdentityProvider(Integer.parseInt(System.getProperty(PORT)), (RsaJsonWebKey)
                                JsonWebKey.Factory.newJwk(System.getProperty(KEY)));
            } catch (IOException | JoseException e) {
                throw new IllegalStateException(e);
            }
        }
        return running;
    }

    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/hamyar";
    }

    /** A valid token for a user with these roles and organisation (null: none). */
    public String token(String user, String organisation, String... roles) {
        return sign(claims(user, organisation, roles), key);
    }

    public String expired(String user, String organisation, String... roles) {
        JwtClaims claims = claims(user, organisation, roles);
        claims.setExpirationTimeMinutesInTheFuture(-60);
        claims.setIssuedAtToNow();
        return sign(claims, key);
    }

    public String signedByAnotherKey(String user, String organisation, String... roles) {
        return sign(claims(user, organisation, roles), stranger);
    }

    public String forAudience(String audience, String user, String organisation, String... roles) {
        JwtClaims claims = claims(user, organisation, roles);
        claims.setAudience(audience);
        return sign(claims, key);
    }

    public String fromIssuer(String issuer, String user, String organisation, String... roles) {
        JwtClaims claims = claims(user, organisation, roles);
        claims.setIssuer(issuer);
        return sign(claims, key);
    }

    private JwtClaims claims(String user, String organisation, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer());
        claims.setAudience(AUDIENCE);
        claims.setSubject("sub-" + user);
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setIssuedAtToNow();
        claims.setGeneratedJwtId();
        claims.setClaim("preferred_username", user);
        claims.setClaim("azp", AUDIENCE);
        claims.setClaim("realm_access", Map.of("roles", List.of(roles)));
        if (organisation != null) {
            claims.setClaim("organisation", organisation);
        }
        return claims;
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private String discovery() {
        String base = issuer() + "/protocol/openid-connect";
        return "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + base + "/certs\",\"authorization_endpoint\":\""
                + base + "/auth\",\"token_endpoint\":\"" + base + "/token\",\"id_token_signing_alg_values_supported\":"
                + "[\"RS256\"]}";
    }

    private static void json(HttpExchange exchange, String body) {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
