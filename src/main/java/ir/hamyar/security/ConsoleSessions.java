package ir.hamyar.security;

import io.agroal.api.AgroalDataSource;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import ir.hamyar.db.Jdbc;
import ir.hamyar.privacy.MasterKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Ends console sessions on the server. The sign-in cookies (the form's and the identity provider's) are sealed
 * tokens the server keeps nothing of, so a copy taken before a person signs out would stay good until it expired.
 * So each sign-in also gets a signed cookie {@value #COOKIE} saying who signed in and when (HMAC, HKDF-derived from
 * the master key); signing out records when (table {@code console_sign_out}); a session whose sign-in came before its
 * person's latest sign-out is no session, on every replica. Signing out ends that person's sessions everywhere.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "hamyar-signed-in";
    private static final String PURPOSE = "console sign-in";

    private final AgroalDataSource dataSource;
    private final MasterKeys masterKeys;
    private final Clock clock = Clock.systemUTC();

    public ConsoleSessions(AgroalDataSource dataSource, MasterKeys masterKeys) {
        this.dataSource = dataSource;
        this.masterKeys = masterKeys;
    }

    /** Gives the browser the signed cookie of a sign-in by {@code user} now. */
    public void began(String user, HttpServerRequest request, HttpServerResponse response) {
        response.addCookie(Cookie.cookie(COOKIE, cookieOf(user))
                .setPath("/console")
                .setHttpOnly(true)
                .setSecure("https".equalsIgnoreCase(request.scheme()))
                .setSameSite(CookieSameSite.STRICT));
    }

    /** The value of the signed cookie of a sign-in by {@code user} now: who, when, under which master key, its HMAC. */
    public String cookieOf(String user) {
        Instant now = clock.instant();
        String signed =
                user + "|" + (now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000) + "|" + masterKeys.currentId();
        String tag = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(masterKeys.derivedMac(PURPOSE, signed.getBytes(StandardCharsets.UTF_8)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed.getBytes(StandardCharsets.UTF_8)) + "."
                + tag;
    }

    /** Records that {@code user} signed out now: every session of hers begun before is over. */
    public void ended(String user) {
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into console_sign_out (user_name, at) values (?, ?)")) {
                insert.setString(1, user);
                insert.setTimestamp(2, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
                return insert.executeUpdate();
            }
        });
    }

    /** Is this request's session one of {@code user}'s begun after her latest sign-out? (Blocking: a database read.) */
    public boolean isLive(String user, Cookie cookie) {
        Optional<Instant> began = began(user, cookie);
        return began.isPresent()
                && latestSignOut(user).map(out -> out.isBefore(began.get())).orElse(true);
    }

    private Optional<Instant> began(String user, Cookie cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        String[] parts = cookie.getValue().split("\\.", 2);
        try {
            byte[] signed = Base64.getUrlDecoder().decode(parts[0]);
            String[] fields = new String(signed, StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2 || fields.length != 3 || !fields[0].equals(user)) {
                return Optional.empty();
            }
            byte[] tag = Base64.getUrlDecoder().decode(parts[1]);
            return masterKeys.derivedMacMatches(PURPOSE, fields[2], signed, tag)
                    ? Optional.of(Instant.EPOCH.plus(Long.parseLong(fields[1]), ChronoUnit.MICROS))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Instant> latestSignOut(String user) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("select max(at) from console_sign_out where user_name = ?")) {
                select.setString(1, user);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    Timestamp at = row.getTimestamp(1);
                    return Optional.ofNullable(at).map(Timestamp::toInstant);
                }
            }
        });
    }
}
