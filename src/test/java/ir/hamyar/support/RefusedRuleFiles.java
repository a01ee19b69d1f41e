package ir.hamyar.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule files outside the DRL subset, one construct each, as data under {@code fixtures/refused-rules}: each opens
 * with the refusal it must get ({@code // refused: …}) and the line it must be reported at ({@code // at line: N}).
 */
public final class RefusedRuleFiles {

    /** Where a test puts each file in the shipped tree. */
    public static final String PATH = "relief/hostile.drl";

    private static final Path FOLDER = Path.of("src/test/resources/fixtures/refused-rules");

    private RefusedRuleFiles() {}

    /** One refused file: its name, its text, and the refusal expected. */
    public record RefusedRuleFile(String name, String text, String message, int line) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static Stream<RefusedRuleFile> all() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.sorted().map(RefusedRuleFiles::read).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RefusedRuleFile read(Path file) {
        try {
            String text = Files.readString(file);
            List<String> header = text.lines().limit(2).toList();
            return new RefusedRuleFile(
                    file.getFileName().toString(),
                    text,
                    header.get(0).replaceFirst("^// refused: ", ""),
                    Integer.parseInt(
                            header.get(1).replaceFirst("^// at line: ", "").strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
