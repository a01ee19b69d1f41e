package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Browser;
import ir.hamyar.support.OwnDatabases;
import ir.hamyar.support.Rulesets;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A version is what was approved (contract v1.2): a version row changed behind the service's back — its files, its
 * tree hash, an approval — reads integrity "broken" and is never compiled or activated; the service's own database
 * role cannot activate a draft that lacks its approvals.
 */
@QuarkusTest
class VersionIntegrityTest {

    private static final String DATABASE = "hamyar_test";

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource service;

    @Inject
    @DataSource("owner")
    AgroalDataSource owner;

    @AfterEach
    void restore() throws SQLException {
        execute(owner, "update ruleset_policy set approvals_required = 0");
        Rulesets.restoreShipped();
    }

    @Test
    void aVersionTheServiceMadeVerifies() {
        int draft = newDraft();

        Api.as("auditor")
                .get("/api/v1/rulesets/" + draft)
                .then()
                .statusCode(200)
                .body("integrity", equalTo("verified"));
        Api.as("auditor")
                .get("/api/v1/rulesets/" + Rulesets.active())
                .then()
                .statusCode(200)
                .body("integrity", equalTo("verified"));
    }

    @Test
    void anApprovalInsertedByTheServiceRoleBreaksTheVersion() throws SQLException {
        int draft = newDraft();

        execute(
                service,
                "insert into ruleset_event (actor, action, version, comment) values ('policy2', 'APPROVED', " + draft
                        + ", 'forged')");

        refusedAsBroken(draft);
        try (Browser auditor = new Browser(base.toString())) {
            auditor.signIn("auditor").open("/console/versions/" + draft);
            assertThat(auditor.text("#integrity")).isEqualTo("مُهر نامعتبر");
            assertThat(auditor.text("#integrity-broken")).contains("بیرون از سرویس");
            assertThat(auditor.has("#impact-link"))
                    .as("no way to try or replay a broken version")
                    .isFalse();
            auditor.screenshot("version-integrity-broken-fa");
            auditor.open("/console/en").open("/console/versions/" + draft);
            assertThat(auditor.text("#integrity")).isEqualTo("Seal broken");
            assertThat(auditor.text("#integrity-broken")).contains("never compiled or activated");
            auditor.screenshot("version-integrity-broken-en");
        }
    }

    @Test
    void aFileChangedBehindTheServicesBackBreaksTheVersion() throws SQLException {
        int draft = newDraft();

        OwnDatabases.asSuperuser(
                DATABASE,
                "update ruleset_file set sha256 = (select sha256 from ruleset_file"
                        + " where version = " + draft + " and path = 'safehouse/stay.drl') where version = " + draft
                        + " and path = 'safehouse/children.drl'");

        refusedAsBroken(draft);
    }

    @Test
    void aTreeHashChangedBehindTheServicesBackBreaksTheVersion() throws SQLException {
        int draft = newDraft();

        OwnDatabases.asSuperuser(
                DATABASE,
                "update ruleset_version set sha256 = md5(random()::text) || md5(random()::text) where version = "
                        + draft);

        refusedAsBroken(draft);
    }

    @Test
    void theServiceRoleCannotActivateADraftWithoutItsApprovalsNorAddFilesToAVersion() throws SQLException {
        int draft = newDraft();
        execute(owner, "update ruleset_policy set approvals_required = 1");

        assertThatThrownBy(() -> inOneTransaction(
                        service,
                        "update ruleset_version set status = 'RETIRED' where status = 'ACTIVE'",
                        "update ruleset_version set status = 'ACTIVE' where version = " + draft))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("approval(s) required");
        assertThatThrownBy(() -> inOneTransaction(
                        service,
                        "insert into ruleset_file (version, path, sha256) select " + draft
                                + ", 'relief/extra.drl', sha256 from ruleset_file where version = " + draft
                                + " and path = 'relief/crisis.drl'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("not the tree its sha256 names");
        assertThatThrownBy(() -> inOneTransaction(
                        service, "insert into ruleset_blob (sha256, content) values (repeat('a', 64), 'x')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("ruleset_blob_content_is_its_hash");
    }

    private static void refusedAsBroken(int version) {
        Api.as("auditor")
                .get("/api/v1/rulesets/" + version)
                .then()
                .statusCode(200)
                .body("integrity", equalTo("broken"));
        Rulesets.activate(version, "activating a tampered version")
                .statusCode(409)
                .body("type", equalTo("urn:hamyar:problem:ruleset-integrity"));
        Api.as("policy")
                .body(
                        "{\"familyRef\":\"F-1\",\"assessedOn\":\"2026-11-20\",\"members\":[{\"ref\":\"m1\",\"role\":\"HEAD\","
                                + "\"sex\":\"FEMALE\",\"birthDate\":\"1990-01-01\"}]}")
                .post("/api/v1/rulesets/" + version + "/evaluate/family")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:hamyar:problem:ruleset-integrity"));
    }

    private static int newDraft() {
        return Rulesets.draft(Rulesets.changes(Rulesets.active(), Map.of()))
                .statusCode(201)
                .extract()
                .path("version");
    }

    private static void execute(AgroalDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void inOneTransaction(AgroalDataSource dataSource, String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String each : sql) {
                    statement.execute(each);
                }
                connection.commit();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
