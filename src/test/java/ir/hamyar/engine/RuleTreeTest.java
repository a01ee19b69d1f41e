package ir.hamyar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hamyar.support.RuleTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleTreeTest {

    @Test
    void theSha256IsTheOneAnAuditorComputesWithTheDocumentedCommand() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "bash",
                        "-c",
                        "cd rules && (find . -type f ! -name '.*' -printf '%P\\n' | LC_ALL=C sort | xargs sha256sum)"
                                + " | sha256sum | cut -d' ' -f1")
                .start();
        String expected = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(process.waitFor()).isZero();
        assertThat(RuleTrees.shipped().sha256()).isEqualTo(expected);
    }

    @Test
    void anyChangeOfAnyFileChangesTheSha256() {
        RuleTree shipped = RuleTrees.shipped();
        RuleTree edited =
                RuleTrees.shippedWith("safehouse/parameters.yaml", shipped.text("safehouse/parameters.yaml") + "\n");

        assertThat(edited.sha256()).isNotEqualTo(shipped.sha256()).hasSize(64);
    }

    @Test
    void hiddenFilesAndEditorBackupsAreNotPolicy() {
        assertThat(RuleTreeLoader.isPartOfTree("safehouse/stay.drl")).isTrue();
        assertThat(RuleTreeLoader.isPartOfTree("safehouse/.stay.drl.swp")).isFalse();
        assertThat(RuleTreeLoader.isPartOfTree("safehouse/stay.drl~")).isFalse();
        assertThat(RuleTreeLoader.isPartOfTree(".git/config")).isFalse();
        assertThat(new RuleTree(Map.of("a/b.drl", new byte[0])).pathsEndingWith(".drl"))
                .containsExactly("a/b.drl");
    }
}
