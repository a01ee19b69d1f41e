package ir.hamyar.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.json.Sha256;
import ir.hamyar.support.Api;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A record made before sealing (migration V10) holds its input and answer in plain text; erasing its subject replaces
 * them by their sha256, which is what its hash covered, so the chain still verifies and no read shows them again.
 */
@QuarkusTest
class PlainRecordErasureTest {

    private static final String INPUT = "{\"familyRef\":\"%s\",\"circumstances\":[\"DOMESTIC_VIOLENCE\"]}";
    private static final String RESPONSE = "{\"conclusions\":[{\"type\":\"TIER\",\"value\":\"AT_RISK\"}],"
            + "\"firedRules\":[{\"seq\":1,\"rule\":\"tiering/TierFromDomains\"}]}";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPlainRecordIsErasedToItsDigestsAndTheChainStillVerifies() throws SQLException {
        String ref = "T-plain-" + UUID.randomUUID().toString().substring(0, 8);
        String input = INPUT.formatted(ref);
        UUID id = appendPlainRecord(ref, input);
        Api.as("auditor").get("/api/v1/audit/verify").then().body("valid", equalTo(true));
        Api.as("auditor")
                .get("/api/v1/audit/decisions/" + id)
                .then()
                .statusCode(200)
                .body("input", equalTo(input));

        Api.as("admin")
                .body("{\"reason\":\"retention period of the file ended\"}")
                .post("/api/v1/subjects/" + ref + "/erasure")
                .then()
                .statusCode(200)
                .body("decisions", equalTo(1));

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select input, response, input_sha256,"
                        + " response_sha256, concluded_ids, fired_rule_ids from decision where id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("input")).isNull();
                assertThat(row.getString("response")).isNull();
                assertThat(row.getString("concluded_ids")).isNull();
                assertThat(row.getString("fired_rule_ids")).isNull();
                assertThat(row.getString("input_sha256")).isEqualTo(digest(input));
                assertThat(row.getString("response_sha256")).isEqualTo(digest(RESPONSE));
            }
        }
        Api.as("auditor").get("/api/v1/audit/verify").then().body("valid", equalTo(true));
        Api.as("auditor")
                .get("/api/v1/audit/decisions/" + id)
                .then()
                .statusCode(200)
                .body("erased.reason", equalTo("retention period of the file ended"))
                .body("firedRules", empty()); // wiped with the rest: a plain record's chain covers them in its answer
    }

    /** Appends a record as the service did before V10, at the end of a lane of the chain, under the lane's lock. */
    private UUID appendPlainRecord(String ref, String input) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            ChainHead head = ChainHead.read(connection, Lanes.lockAndReadHead(0));
            String rulesetSha256;
            try (PreparedStatement version =
                            connection.prepareStatement("select sha256 from ruleset_version where version = 1");
                    ResultSet row = version.executeQuery()) {
                row.next();
                rulesetSha256 = row.getString(1);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Asked asked = new Asked(
                    UUID.randomUUID(),
                    "family",
                    ref,
                    LocalDate.of(2026, 11, 20),
                    now,
                    "intake",
                    "safe-house-tehran",
                    null,
                    "a".repeat(64),
                    1,
                    rulesetSha256,
                    input);
            long seq = head.seq() + 1;
            String hash = HashChain.link(
                    head.hash(),
                    seq,
                    new HashChain.Chained(
                            asked, now, digest(input), digest(RESPONSE), null, List.of("tiering/TierFromDomains")));
            try (PreparedStatement terms = connection.prepareStatement("insert into search_term (term)"
                    + " values ('tiering/TierFromDomains'), ('TIER'), ('TIER=AT_RISK') on conflict do nothing")) {
                terms.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into decision ("
                    + AskedColumns.names("decided_at") + ", input, response, fired_rule_ids, concluded_ids,"
                    + " recorded_at, seq, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json,"
                    + " array(select id from search_term where term = any(?)),"
                    + " array(select id from search_term where term = any(?)), ?, ?, ?, ?)")) {
                AskedColumns.bind(insert, asked);
                insert.setString(12, input);
                insert.setString(13, RESPONSE);
                insert.setObject(14, new String[] {"tiering/TierFromDomains"});
                insert.setObject(15, new String[] {"TIER", "TIER=AT_RISK"});
                insert.setTimestamp(16, Timestamp.from(now));
                insert.setLong(17, seq);
                insert.setString(18, head.hash());
                insert.setString(19, hash);
                insert.executeUpdate();
            }
            connection.commit();
            return asked.id();
        }
    }

    private static String digest(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
