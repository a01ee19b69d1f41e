package ir.hamyar.ruleset;

import ir.hamyar.engine.RuleTree;
import ir.hamyar.engine.RuleTreeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this installation's rules come from on disk: {@code hamyar.rules.dir}, else {@code ./rules} when it exists (a
 * checkout), else the copy of {@code rules/} shipped inside the application jar.
 */
public record RulesSource(Optional<Path> directory) {

    private static final Path CHECKOUT_RULES = Path.of("rules");

    public static RulesSource of(RulesConfig config) {
        return new RulesSource(config.dir()
                .or(() -> Files.isDirectory(CHECKOUT_RULES) ? Optional.of(CHECKOUT_RULES) : Optional.empty()));
    }

    public RuleTree read() {
        return directory.map(RuleTreeLoader::fromDirectory).orElseGet(RuleTreeLoader::shipped);
    }

    public String describe() {
        return directory
                .map(dir -> "directory " + dir.toAbsolutePath().normalize())
                .orElse("shipped rules");
    }
}
