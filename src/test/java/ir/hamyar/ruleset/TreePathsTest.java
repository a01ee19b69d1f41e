package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths and contents may be part of an uploaded rules tree. */
class TreePathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"safehouse/stay.drl", "indicators.yaml", "README.md", "a/b/c/deep.drl"})
    void relativePathsOfRuleFilesAreAccepted(String path) {
        assertThat(TreePaths.problemWith(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../x.drl",
                "safehouse/../../x.drl",
                "./x.drl",
                "/etc/x.drl",
                "C:/x.drl",
                "c:x.drl",
                "safehouse\\x.drl",
                "safehouse//x.drl",
                "safehouse/x.sh",
                "safehouse/x.drl\n",
                ""
            })
    void pathsThatEscapeOrAreNotRuleFilesAreRefused(String path) {
        assertThat(TreePaths.problemWith(path)).isPresent();
    }

    @Test
    void hiddenFilesAndEditorBackupsAreSkipped() {
        assertThat(TreePaths.isHidden(".git/config")).isTrue();
        assertThat(TreePaths.isHidden("__MACOSX/safehouse/stay.drl")).isTrue();
        assertThat(TreePaths.isHidden("safehouse/stay.drl~")).isTrue();
        assertThat(TreePaths.isHidden("safehouse/stay.drl")).isFalse();
    }

    @Test
    void onlyUtf8TextIsAccepted() {
        assertThat(TreePaths.isUtf8("قانون".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(TreePaths.isUtf8(new byte[] {(byte) 0xC3, (byte) 0x28})).isFalse();
    }
}
