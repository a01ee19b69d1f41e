package ir.hamyar.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import ir.hamyar.ledger.Checkpoints;
import ir.hamyar.support.Api;
import ir.hamyar.support.Browser;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.OwnDatabases;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Someone with full control of the database changes the record behind the service's back (as superuser, triggers
 * disabled): verify names the first record that no longer verifies, and the signed checkpoint catches the removal of
 * the newest records, which leaves a shorter chain that is consistent in itself. A database of its own, since the
 * chain is broken on purpose.
 */
@QuarkusTest
@TestProfile(TamperEvidenceTest.OwnDatabase.class)
class TamperEvidenceTest {

    private static final String PREFIX = "hamyar_tamper_";
    static final String DATABASE = PREFIX + ProcessHandle.current().pid();

    @Inject
    Checkpoints checkpoints;

    @TestHTTPResource("/")
    URL base;

    @Test
    void alteredRemovedAndTruncatedRecordsAreEachDetected() throws SQLException, IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(Api.asIntake()
                    .body(Fixtures.unique("helper.json").toString())
                    .post("/api/v1/decisions/helper")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("decisionId"));
        }
        assertThat(verify().getBoolean("valid")).isTrue();

        String original = asSuperuser("select subject_ref from decision where id = '" + ids.get(2) + "'");
        asSuperuser("update decision set subject_ref = 'T-someone-else' where id = '" + ids.get(2) + "'");
        JsonPath altered = verify();
        assertThat(altered.getBoolean("valid")).isFalse();
        assertThat(altered.getString("firstInvalidId")).isEqualTo(ids.get(2));
        assertThat(altered.getString("problem")).contains("altered");
        try (Browser auditor = new Browser(base.toString())) {
            auditor.signIn("auditor").open("/console/audit/proof");
            assertThat(auditor.attribute("#chain", "data-valid")).isEqualTo("false");
            assertThat(auditor.text("#first-invalid")).contains(ids.get(2));
            assertThat(auditor.text("#problem")).contains("altered");
            auditor.screenshot("audit-proof-broken-fa");
        }
        asSuperuser("update decision set subject_ref = '" + original + "' where id = '" + ids.get(2) + "'");
        assertThat(verify().getBoolean("valid")).as("restored").isTrue();

        assertThat(checkpoints.write()).isPresent();
        checkpointFileAlteredEmptiedOrRemovedIsUnverified();
        asSuperuser("delete from decision where id in ('" + ids.get(4) + "', '" + ids.get(5) + "')");
        JsonPath shortened = verify();
        assertThat(shortened.getBoolean("valid")).isFalse();
        assertThat(shortened.getString("problem")).contains("newest records were removed");

        asSuperuser("delete from decision where id = '" + ids.get(1) + "'");
        JsonPath gap = verify();
        assertThat(gap.getBoolean("valid")).isFalse();
        assertThat(gap.getString("firstInvalidId")).isEqualTo(ids.get(2));
        assertThat(gap.getString("problem")).contains("missing");
    }

    @Test
    void anAlteredOrRemovedOverrideIsDetectedLikeADecision() throws SQLException {
        String decision = Api.asIntake()
                .body(Fixtures.unique("family-day-services.json").toString())
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        List<String> overrides = new ArrayList<>();
        for (String value : List.of("RESIDENTIAL", "DAY_SERVICES", "RESIDENTIAL")) {
            overrides.add(Api.asIntake()
                    .body("{\"type\":\"SAFE_HOUSE\",\"subject\":\"m1\",\"value\":\"" + value
                            + "\",\"reason\":\"the caseworker saw the family today\"}")
                    .post("/api/v1/decisions/" + decision + "/overrides")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("overrideId"));
        }
        assertThat(verify().getBoolean("overrides.valid")).isTrue();

        String flipOneBit = "update decision_override set sealed_reason = set_byte(sealed_reason, 20,"
                + " get_byte(sealed_reason, 20) # 1) where id = '" + overrides.get(1) + "'";
        asSuperuser(flipOneBit);
        JsonPath altered = verify();
        assertThat(altered.getBoolean("valid")).isFalse();
        assertThat(altered.getBoolean("overrides.valid")).isFalse();
        assertThat(altered.getString("overrides.firstInvalidId")).isEqualTo(overrides.get(1));
        assertThat(altered.getString("overrides.problem")).contains("altered");
        asSuperuser(flipOneBit);
        assertThat(verify().getBoolean("overrides.valid")).as("restored").isTrue();

        assertThat(checkpoints.write()).isPresent();
        asSuperuser("delete from decision_override where id = '" + overrides.get(2) + "'");
        JsonPath shortened = verify();
        assertThat(shortened.getBoolean("valid")).isFalse();
        assertThat(shortened.getString("overrides.problem")).contains("newest overrides were removed");
        assertThat(checkpoints.write())
                .as("a new checkpoint of the shorter chain")
                .isPresent();
        assertThat(verify().getBoolean("overrides.valid")).isTrue();
    }

    private static JsonPath verify() {
        return Api.as("auditor")
                .get("/api/v1/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /**
     * Failed before the change: only the file's last line was read (a line altered before it went unseen), and an
     * emptied or missing file read as "no checkpoint", so the chain was reported valid.
     */
    private void checkpointFileAlteredEmptiedOrRemovedIsUnverified() throws IOException {
        Path file = Path.of("target", DATABASE + "-checkpoints.jsonl");
        String written = Files.readString(file);
        Files.writeString(file, written.replaceFirst("\"hash\":\"[0-9a-f]", "\"hash\":\"x") + written);
        JsonPath altered = verify();
        assertThat(altered.getBoolean("valid")).isFalse();
        assertThat(altered.getString("problem")).startsWith("unverified").contains("line 1");

        Files.writeString(file, "");
        JsonPath emptied = verify();
        assertThat(emptied.getBoolean("valid")).isFalse();
        assertThat(emptied.getString("problem")).startsWith("unverified").contains("shortened");

        Files.delete(file);
        JsonPath missing = verify();
        assertThat(missing.getBoolean("valid")).isFalse();
        assertThat(missing.getString("problem")).startsWith("unverified").contains("missing");

        Files.writeString(file, written);
        assertThat(verify().getBoolean("valid")).as("the file as written").isTrue();
    }

    private static String asSuperuser(String sql) throws SQLException {
        return OwnDatabases.asSuperuser(DATABASE, sql);
    }

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            OwnDatabases.named(PREFIX);
            return Map.of(
                    "quarkus.datasource.jdbc.url", OwnDatabases.SERVER + DATABASE,
                    "hamyar.audit.checkpoint.file", "target/" + DATABASE + "-checkpoints.jsonl",
                    "hamyar.audit.checkpoint.interval", "1h");
        }
    }
}
