package ir.hamyar.engine;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.facts.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The indicator codes a family profile may score, read from {@code indicators.yaml} at the root of the tree. */
public final class IndicatorCatalogue {

    private final Map<String, Indicator> indicators;

    private IndicatorCatalogue(Map<String, Indicator> indicators) {
        this.indicators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
    }

    public boolean contains(String code) {
        return indicators.containsKey(code);
    }

    public int size() {
        return indicators.size();
    }

    public String domainOf(String code) {
        return indicators.get(code).domain();
    }

    /** The domains of the catalogue, in the order they first appear. */
    public List<String> domains() {
        return indicators.values().stream().map(Indicator::domain).distinct().toList();
    }

    public Map<String, Indicator> all() {
        return new TreeMap<>(indicators);
    }

    static IndicatorCatalogue read(RuleTree tree, List<CompileProblem> problems) {
        String path = RuleTree.INDICATORS_FILE;
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        TreeYaml.readEntries(
                tree,
                path,
                "indicator codes",
                problems,
                (code, definition) -> indicators.put(code, toIndicator(path, code, definition, problems)));
        return new IndicatorCatalogue(indicators);
    }

    private static Indicator toIndicator(String path, String code, JsonNode node, List<CompileProblem> problems) {
        if (!node.path("domain").isTextual() || !node.path("label").isObject()) {
            problems.add(new CompileProblem(path, 0, 0, "indicator " + code + " needs a domain and a label"));
        }
        for (int score = 1; score <= 5; score++) {
            JsonNode anchor = node.path("anchors").path(String.valueOf(score));
            if (!TreeYaml.hasBothLanguages(anchor)) {
                problems.add(new CompileProblem(
                        path,
                        0,
                        0,
                        "indicator " + code + " needs a Persian and an English" + " anchor for score " + score));
            }
        }
        Map<Integer, Text> anchors = new TreeMap<>();
        node.path("anchors").fields().forEachRemaining(anchor -> {
            try {
                anchors.put(Integer.parseInt(anchor.getKey()), TreeYaml.text(anchor.getValue()));
            } catch (NumberFormatException e) {
                problems.add(
                        new CompileProblem(path, 0, 0, "indicator " + code + " has an anchor that is not a score"));
            }
        });
        return new Indicator(
                code,
                node.path("domain").asText(),
                TreeYaml.text(node.path("label")),
                anchors,
                node.path("reference").asText(null));
    }
}
