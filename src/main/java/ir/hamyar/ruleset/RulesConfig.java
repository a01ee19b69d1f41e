package ir.hamyar.ruleset;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "hamyar.rules")
public interface RulesConfig {

    /**
     * {@code hamyar.rules.dir}: the rule tree to decide with. Unset: {@code ./rules} when it exists (a checkout),
     * otherwise the copy of {@code rules/} shipped inside the application jar.
     */
    Optional<Path> dir();
}
