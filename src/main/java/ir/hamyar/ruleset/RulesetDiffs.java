package ir.hamyar.ruleset;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import ir.hamyar.engine.RuleTree;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The per-file unified diff between two rule trees, files in path order, unchanged files left out. */
public final class RulesetDiffs {

    private static final int CONTEXT_LINES = 3;
    private static final String NO_FILE = "/dev/null";

    private RulesetDiffs() {}

    public static RulesetDiff between(int fromVersion, RuleTree from, int toVersion, RuleTree to) {
        TreeSet<String> paths = new TreeSet<>(from.files().keySet());
        paths.addAll(to.files().keySet());
        List<FileDiff> files = new ArrayList<>();
        for (String path : paths) {
            boolean before = from.files().containsKey(path);
            boolean after = to.files().containsKey(path);
            List<String> original = before ? from.text(path).lines().toList() : List.of();
            List<String> revised = after ? to.text(path).lines().toList() : List.of();
            if (before
                    && after
                    && java.util.Arrays.equals(
                            from.files().get(path), to.files().get(path))) {
                continue;
            }
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(
                    before ? "a/" + path : NO_FILE,
                    after ? "b/" + path : NO_FILE,
                    original,
                    DiffUtils.diff(original, revised),
                    CONTEXT_LINES);
            String change = !before ? "ADDED" : !after ? "DELETED" : "MODIFIED";
            files.add(new FileDiff(path, change, String.join("\n", unified) + "\n"));
        }
        return new RulesetDiff(fromVersion, toVersion, files);
    }

    /** The whole diff as one patch, as {@code git diff} prints it. */
    static String patch(RulesetDiff diff) {
        StringBuilder patch = new StringBuilder();
        diff.files().forEach(file -> patch.append(file.diff()));
        return patch.toString();
    }

    public record RulesetDiff(int from, int to, List<FileDiff> files) {}

    public record FileDiff(String path, String change, String diff) {}
}
