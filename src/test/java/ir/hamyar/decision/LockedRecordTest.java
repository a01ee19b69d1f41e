package ir.hamyar.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.Records;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The decision table locked by someone else: a decision fails within the write timeout (2 s in tests) with 503 and
 * nothing is written; once the lock is gone, decisions are recorded again and the chain still verifies.
 */
@QuarkusTest
class LockedRecordTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @DataSource("owner")
    AgroalDataSource owner;

    @Test
    void aLockedDecisionTableFailsRequestsWithinTheTimeoutAndRecoversAfter() throws Exception {
        // a service that has recorded before: the first request of a fresh JVM also pays for loading the writer path
        Api.asIntake()
                .body(Fixtures.unique("helper.json").toString())
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(200);
        String body = Fixtures.unique("helper.json").toString();
        String subject = Fixtures.JSON.readTree(body).get("helperRef").asText();
        long took;
        try (Connection locker = owner.getConnection();
                Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("lock table decision in exclusive mode");
            long started = System.nanoTime();
            Api.asIntake()
                    .body(body)
                    .post("/api/v1/decisions/helper")
                    .then()
                    .statusCode(503)
                    .body("type", equalTo("urn:hamyar:problem:storage-unavailable"));
            took = System.nanoTime() - started;
            locker.rollback();
        }

        assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofSeconds(5));
        assertThat(Records.countForSubject(dataSource, subject)).isZero();
        Api.asIntake().body(body).post("/api/v1/decisions/helper").then().statusCode(200);
        assertThat(Records.countForSubject(dataSource, subject)).isEqualTo(1);
        Api.as("auditor").get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }
}
