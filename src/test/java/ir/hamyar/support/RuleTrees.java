package ir.hamyar.support;

import ir.hamyar.engine.RuleTree;
import ir.hamyar.engine.RuleTreeLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The shipped rule tree, and variants of it with files replaced, for tests that change policy. */
public final class RuleTrees {

    public static final Path SHIPPED = Path.of("rules");

    private RuleTrees() {}

    public static RuleTree shipped() {
        return RuleTreeLoader.fromDirectory(SHIPPED);
    }

    public static RuleTree shippedWith(String path, String text) {
        Map<String, byte[]> files = new HashMap<>(shipped().files());
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return new RuleTree(files);
    }
}
