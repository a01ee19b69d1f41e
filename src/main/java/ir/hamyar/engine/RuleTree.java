package ir.hamyar.engine;

import ir.hamyar.json.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A whole rule tree — rules, parameters, catalogue and scenarios — as relative paths ({@code safehouse/admission.drl})
 * and their bytes. Its sha256 is that of the {@code sha256sum}-style manifest of every file sorted by path, so an
 * auditor can recompute it with
 * {@code (cd rules && find . -type f ! -name '.*' -printf '%P\n' | LC_ALL=C sort | xargs sha256sum) | sha256sum}.
 */
public final class RuleTree {

    public static final String RULE_SUFFIX = ".drl";
    public static final String PARAMETERS_FILE = "parameters.yaml";
    public static final String SCENARIO_SUFFIX = ".scenarios.yaml";
    public static final String INDICATORS_FILE = "indicators.yaml";
    public static final String CONCLUSIONS_FILE = "conclusions.yaml";
    public static final String PROGRAMMES_FILE = "programmes.yaml";

    private final SortedMap<String, byte[]> files;
    private final String sha256;

    public RuleTree(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        this.sha256 = Sha256.hex(manifest().getBytes(StandardCharsets.UTF_8));
    }

    public SortedMap<String, byte[]> files() {
        return files;
    }

    public String sha256() {
        return sha256;
    }

    public String text(String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    public List<String> pathsEndingWith(String suffix) {
        return files.keySet().stream().filter(path -> path.endsWith(suffix)).toList();
    }

    public List<String> pathsNamed(String fileName) {
        return files.keySet().stream()
                .filter(path -> path.equals(fileName) || path.endsWith("/" + fileName))
                .toList();
    }

    private String manifest() {
        StringBuilder manifest = new StringBuilder();
        files.forEach((path, content) ->
                manifest.append(Sha256.hex(content)).append("  ").append(path).append('\n'));
        return manifest.toString();
    }
}
