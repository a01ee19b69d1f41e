package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.calendar.IranTime;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.scenario.ScenarioResult;
import ir.hamyar.scenario.ScenarioRunner;
import ir.hamyar.support.RuleTrees;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A tree compiled once is loaded from the database after that (what a restart does, see also PackagedServiceIT), and
 * compiled again when what is kept is missing, damaged, or from another build.
 */
@QuarkusTest
class CompiledModulesTest {

    @Inject
    CompiledModules modules;

    @Inject
    ScenarioRunner scenarios;

    @Inject
    DataSource dataSource;

    /** A tree of its own, so that nothing another test or an earlier run kept is found. */
    private final RuleTree tree =
            RuleTrees.shippedWith("safehouse/kept.drl", "package safehouse;\n// " + UUID.randomUUID() + "\n");

    @Test
    void aTreeCompiledOnceIsLoadedAfterThatAndDecidesAsCompiled() throws SQLException {
        CompiledModules.Obtained first = modules.obtain(tree);
        CompiledModules.Obtained second = modules.obtain(tree);

        assertThat(first.how()).isEqualTo(CompiledModules.How.COMPILED);
        assertThat(second.how()).isEqualTo(CompiledModules.How.LOADED);
        assertThat(second.ruleset().kieBase()).isNotSameAs(first.ruleset().kieBase());
        assertThat(second.ruleset().rules()).isEqualTo(first.ruleset().rules());
        assertThat(failedScenarios(second.ruleset())).isEmpty();
        assertThat(scenarioCount(second.ruleset())).isGreaterThan(20);
        assertThat(keptRows()).isEqualTo(1);
    }

    @Test
    void aMissingModuleIsCompiledAndKept() throws SQLException {
        modules.obtain(tree);
        update("delete from compiled_module where tree_sha256 = ?");

        assertThat(modules.obtain(tree).how()).isEqualTo(CompiledModules.How.COMPILED);
        assertThat(modules.obtain(tree).how()).isEqualTo(CompiledModules.How.LOADED);
    }

    @Test
    void aDamagedModuleIsCompiledAgainAndReplaced() throws SQLException {
        modules.obtain(tree);
        update("update compiled_module set module = overlay(module placing '\\x00'::bytea from 2000 for 1)"
                + " where tree_sha256 = ?");

        CompiledModules.Obtained again = modules.obtain(tree);

        assertThat(again.how()).isEqualTo(CompiledModules.How.COMPILED);
        assertThat(failedScenarios(again.ruleset())).isEmpty();
        assertThat(modules.obtain(tree).how()).isEqualTo(CompiledModules.How.LOADED);
    }

    @Test
    void aModuleWhoseTagWasRecomputedWithoutTheKeyIsRefused() throws SQLException {
        modules.obtain(tree);
        update("update compiled_module set mac = sha256(module) where tree_sha256 = ?");

        assertThat(modules.obtain(tree).how()).isEqualTo(CompiledModules.How.COMPILED);
    }

    @Test
    void aModuleOfAnotherBuildIsNotUsed() throws SQLException {
        modules.obtain(tree);
        update("update compiled_module set build = 'another build' where tree_sha256 = ?");

        assertThat(modules.obtain(tree).how()).isEqualTo(CompiledModules.How.COMPILED);
        assertThat(keptRows()).isEqualTo(2);
        assertThat(modules.obtain(tree).how()).isEqualTo(CompiledModules.How.LOADED);
    }

    private List<ScenarioResult> failedScenarios(CompiledRuleset ruleset) {
        return scenarios.run(ruleset, IranTime.today()).stream()
                .filter(result -> !result.passed())
                .toList();
    }

    private int scenarioCount(CompiledRuleset ruleset) {
        return scenarios.run(ruleset, IranTime.today()).size();
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tree.sha256());
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private int keptRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select count(*) from compiled_module where tree_sha256 = ?")) {
            statement.setString(1, tree.sha256());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
