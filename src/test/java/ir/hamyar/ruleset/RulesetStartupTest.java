package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hamyar.engine.RuleCompilationException;
import ir.hamyar.engine.RuleCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rules directory with a syntax error stops startup, naming the file and line, before anything is activated. */
class RulesetStartupTest {

    @TempDir
    Path rules;

    @Test
    void aSyntaxErrorStopsStartupWithItsFileAndLine() throws IOException {
        Files.createDirectories(rules.resolve("safehouse"));
        Files.writeString(rules.resolve("safehouse/admission.drl"), "package safehouse;\n\nrule \"Half\"\nwhen\n  (\n");
        ActiveRuleset active = new ActiveRuleset();
        RulesetStartup startup = new RulesetStartup(() -> Optional.of(rules), new RuleCompiler(), null, active);

        assertThatThrownBy(() -> startup.onStart(null))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("safehouse/admission.drl:");
        assertThat(active.peek()).isEmpty();
    }
}
