package ir.hamyar.engine;

import ir.hamyar.facts.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The programme texts a policy reads ({@code programmes.yaml}), by the key its provenances name them with. */
final class ProgrammeCatalogue {

    private final Map<String, Text> names;

    private ProgrammeCatalogue(Map<String, Text> names) {
        this.names = Map.copyOf(names);
    }

    /** A programme's name, or null when the catalogue has no such key. */
    Text name(String programme) {
        return names.get(programme);
    }

    static ProgrammeCatalogue read(RuleTree tree, List<CompileProblem> problems) {
        String path = RuleTree.PROGRAMMES_FILE;
        Map<String, Text> names = new LinkedHashMap<>();
        TreeYaml.readEntries(tree, path, "programme keys", problems, (programme, definition) -> {
            if (!TreeYaml.hasBothLanguages(definition.path("name"))) {
                problems.add(new CompileProblem(
                        path, 0, 0, "programme " + programme + " needs a Persian and an English name"));
            }
            names.put(programme, TreeYaml.text(definition.path("name")));
        });
        return new ProgrammeCatalogue(names);
    }
}
