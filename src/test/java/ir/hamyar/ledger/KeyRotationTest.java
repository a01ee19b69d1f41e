package ir.hamyar.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import ir.hamyar.privacy.MasterKeys;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.OwnInstallation;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Master key rotation (in {@link OwnInstallation}, whose database is its own: rotating the shared one would leave it
 * unreadable to the other tests, which know the old key only): started with a new master key and the old one as previous, the service reads what was sealed
 * under a data key wrapped with the old one, and wraps that data key again under the new key, after which the new
 * key alone opens it.
 */
@QuarkusTest
@TestProfile(OwnInstallation.class)
class KeyRotationTest {

    private static final String OLD = OwnInstallation.PREVIOUS_MASTER_KEY;
    private static final String NEW = OwnInstallation.MASTER_KEY;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KeyRotation rotation;

    @Inject
    MasterKeys masterKeys;

    @Test
    void aDataKeyUnderThePreviousMasterKeyIsReadAndWrappedAgainUnderTheNewOne() throws SQLException {
        MasterKeys old = new MasterKeys(OwnInstallation.onlyMasterKey(OLD));
        ObjectNode family = Fixtures.tieredFamily(1);
        String ref = family.get("familyRef").asText();
        MasterKeys.NewKey made = old.newDataKey();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into subject_key (id, organisation, subject_ref, wrapped, master_key)"
                                + " values (?, 'safe-house-tehran', ?, ?, ?)")) {
            insert.setObject(1, made.key().id());
            insert.setString(2, ref);
            insert.setBytes(3, made.wrapped());
            insert.setString(4, made.masterId());
            insert.executeUpdate();
        }
        String decision = Api.decide("intake", family).getString("decisionId");
        assertThat(liveKey(ref).masterId()).as("still under the old master key").isEqualTo(old.currentId());
        assertThat(masterKeys.currentId()).isNotEqualTo(old.currentId());

        while (rotation.rewrapBatch() > 0) {
            // every data key still under a previous master key, a batch at a time
        }

        Wrapped rewrapped = liveKey(ref);
        assertThat(rewrapped.masterId()).isEqualTo(masterKeys.currentId());
        Api.as("auditor")
                .get("/api/v1/audit/decisions/" + decision)
                .then()
                .statusCode(200)
                .body("subjectRef", equalTo(ref))
                .body("conclusions.size()", greaterThan(0));
        MasterKeys newOnly = new MasterKeys(OwnInstallation.onlyMasterKey(NEW));
        assertThat(newOnly.unwrap(made.key().id(), newOnly.currentId(), rewrapped.bytes())
                        .key())
                .as("the same data key, now opened with the new master key alone")
                .isEqualTo(made.key().key());
    }

    private record Wrapped(String masterId, byte[] bytes) {}

    private Wrapped liveKey(String ref) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select master_key, wrapped from subject_key"
                        + " where subject_ref = ? and wrapped is not null")) {
            select.setString(1, ref);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return new Wrapped(row.getString(1), row.getBytes(2));
            }
        }
    }
}
