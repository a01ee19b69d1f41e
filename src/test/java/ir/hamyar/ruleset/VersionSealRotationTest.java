package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import ir.hamyar.privacy.MasterKeys;
import ir.hamyar.support.Api;
import ir.hamyar.support.OwnInstallation;
import ir.hamyar.support.Rulesets;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The versions' seals follow a master key rotation ({@link OwnInstallation}: a new master key, the test key as the
 * previous one): a version sealed under the previous key verifies, is sealed again under the current one, and stays
 * verified once the previous key is gone; a version that does not verify is never sealed again.
 */
@QuarkusTest
@TestProfile(OwnInstallation.class)
class VersionSealRotationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MasterKeys keys;

    @Inject
    VersionSealRotation rotation;

    @Test
    void aVersionSealedUnderThePreviousKeyIsSealedAgainUnderTheCurrentOneAndABrokenOneIsNot() throws SQLException {
        MasterKeys previous = new MasterKeys(OwnInstallation.onlyMasterKey(OwnInstallation.PREVIOUS_MASTER_KEY));
        VersionSeals previousSeals = new VersionSeals(previous);
        int active = Rulesets.active();
        int tampered = Rulesets.draft(Rulesets.changes(active, Map.of()))
                .statusCode(201)
                .extract()
                .path("version");
        try (Connection connection = dataSource.getConnection()) {
            previousSeals.reseal(connection, active);
            previousSeals.reseal(connection, tampered);
            try (Statement forge = connection.createStatement()) {
                forge.execute("insert into ruleset_event (actor, action, version) values ('policy2', 'APPROVED', "
                        + tampered + ")");
            }
        }
        assertThat(sealKey(active)).isEqualTo(previous.currentId());
        integrity(active, "verified");
        integrity(tampered, "broken");

        assertThat(rotation.resealUnderCurrentKey()).isGreaterThanOrEqualTo(1);

        assertThat(sealKey(active)).isEqualTo(keys.currentId());
        integrity(active, "verified");
        assertThat(sealKey(tampered)).as("a broken version is not sealed anew").isEqualTo(previous.currentId());
        integrity(tampered, "broken");
        MasterKeys currentOnly = new MasterKeys(OwnInstallation.onlyMasterKey(OwnInstallation.MASTER_KEY));
        assertThat(new VersionSeals(currentOnly).verify(sealedText(active), mac(active), keys.currentId()))
                .as("verified by the current key alone")
                .isEqualTo(VersionSeals.Integrity.VERIFIED);
    }

    private static void integrity(int version, String expected) {
        Api.as("auditor")
                .get("/api/v1/rulesets/" + version)
                .then()
                .statusCode(200)
                .body("integrity", equalTo(expected));
    }

    private String sealKey(int version) throws SQLException {
        return column("v.mac_key", version);
    }

    private String sealedText(int version) throws SQLException {
        return column(VersionSeals.SEALED_TEXT, version);
    }

    private byte[] mac(int version) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select mac from ruleset_version where version = ?")) {
            select.setInt(1, version);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        }
    }

    private String column(String expression, int version) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select " + expression + " from ruleset_version v where v.version = ?")) {
            select.setInt(1, version);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
