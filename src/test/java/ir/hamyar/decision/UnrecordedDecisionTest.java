package ir.hamyar.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A decision that cannot be recorded is not answered: the caller gets 503 and may resend with its key. */
@QuarkusTest
class UnrecordedDecisionTest {

    /** Renaming a table takes its owner: the service's own role may not. */
    @Inject
    @DataSource("owner")
    AgroalDataSource owner;

    @Test
    void whenTheDecisionTableCannotBeWrittenTheAnswerIs503WithoutInternals() throws SQLException {
        String key = "retry-" + System.nanoTime();
        String body = Fixtures.unique("helper.json").toString();
        execute("alter table decision rename to decision_unavailable");
        String problem;
        try {
            problem = Api.asIntake()
                    .header("Idempotency-Key", key)
                    .body(body)
                    .when()
                    .post("/api/v1/decisions/helper")
                    .then()
                    .statusCode(503)
                    .contentType(Api.PROBLEM_JSON)
                    .body("type", equalTo("urn:hamyar:problem:storage-unavailable"))
                    .extract()
                    .asString();
        } finally {
            execute("alter table decision_unavailable rename to decision");
        }

        assertThat(problem).doesNotContainIgnoringCase("sql").doesNotContain("decision_unavailable");
        Api.asIntake()
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "false");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = owner.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
