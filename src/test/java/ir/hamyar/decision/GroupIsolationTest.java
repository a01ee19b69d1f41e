package ir.hamyar.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.ledger.Answered;
import ir.hamyar.ledger.Asked;
import ir.hamyar.ledger.ChainWriter;
import ir.hamyar.problem.DomainException;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.security.Caller;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.Records;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One record of a group commit that PostgreSQL refuses (a NUL character in its subject ref, which the reading refuses
 * earlier; here it is handed to the ledger directly) fails only its own request: the others of the group are committed.
 */
@QuarkusTest
class GroupIsolationTest {

    @Inject
    DecisionMaker maker;

    @Inject
    ActiveRuleset active;

    @Inject
    ChainWriter ledger;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @DataSource("owner")
    AgroalDataSource owner;

    @Test
    void aRecordTheDatabaseRefusesFailsAloneAndTheRestOfItsGroupIsRecorded() throws Exception {
        Answered first = decided();
        Answered broken = withSubject(decided(), "H-\u0000");
        List<Answered> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(decided());
        }
        CompletableFuture<List<Answered>> blocked;
        CompletableFuture<List<Answered>> refused;
        List<CompletableFuture<List<Answered>>> grouped = new ArrayList<>();
        try (Connection locker = owner.getConnection();
                Statement lock = locker.createStatement()) {
            // every lane of the chain held, so that the writer waits and the rest queue up into one group
            lock.execute("select pg_advisory_lock(decision_chain_lock_key(lane)) from generate_series(0, 7) lane");
            blocked = CompletableFuture.supplyAsync(() -> ledger.append(List.of(first)));
            Thread.sleep(200);
            refused = CompletableFuture.supplyAsync(() -> ledger.append(List.of(broken)));
            others.forEach(other -> grouped.add(CompletableFuture.supplyAsync(() -> ledger.append(List.of(other)))));
            Thread.sleep(300);
            lock.execute("select pg_advisory_unlock_all()");
        }

        assertThat(blocked.get(10, TimeUnit.SECONDS)).containsExactly(first);
        for (int i = 0; i < others.size(); i++) {
            assertThat(grouped.get(i).get(10, TimeUnit.SECONDS)).containsExactly(others.get(i));
            assertThat(Records.countForSubject(dataSource, others.get(i).asked().subjectRef()))
                    .isEqualTo(1);
        }
        assertThatThrownBy(() -> refused.join()).hasCauseInstanceOf(DomainException.Unavailable.class);
        assertThat(Records.countForId(dataSource, broken.asked().id())).isZero();
        Api.as("auditor").get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    private Answered decided() {
        ObjectNode helper = Fixtures.unique("helper.json");
        return maker.decide(
                active.current(),
                ProfileKind.HELPER,
                helper,
                helper.toString(),
                "",
                null,
                new Caller("isolation-test", Optional.empty(), false));
    }

    private static Answered withSubject(Answered decision, String subjectRef) {
        Asked asked = decision.asked();
        return new Answered(
                new Asked(
                        asked.id(),
                        asked.kind(),
                        subjectRef,
                        asked.assessedOn(),
                        asked.at(),
                        asked.caller(),
                        asked.organisation(),
                        asked.idempotencyKey(),
                        asked.requestSha256(),
                        asked.rulesetVersion(),
                        asked.rulesetSha256(),
                        asked.input()),
                decision.response(),
                decision.terms(),
                decision.tally());
    }
}
