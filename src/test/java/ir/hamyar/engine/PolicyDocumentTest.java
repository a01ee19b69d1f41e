package ir.hamyar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hamyar.support.RuleTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/policy.md explains the shipped policy to people; it must name every rule and parameter the rules have. */
class PolicyDocumentTest {

    @Test
    void everyShippedRuleAndParameterIsExplainedInThePolicyDocument() throws IOException {
        String policy = Files.readString(Path.of("docs/policy.md"));
        CompiledRuleset ruleset = new RuleCompiler().compile(RuleTrees.shipped());

        assertThat(ruleset.rules().keySet()).isNotEmpty().allSatisfy(rule -> assertThat(policy)
                .as("docs/policy.md names " + rule)
                .contains("`" + rule + "`"));
        assertThat(ruleset.parameters().all().keySet()).allSatisfy(parameter -> assertThat(policy)
                .as("docs/policy.md names " + parameter)
                .contains("`" + parameter + "`"));
    }
}
