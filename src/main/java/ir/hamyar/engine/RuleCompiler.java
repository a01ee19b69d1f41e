package ir.hamyar.engine;

import ir.hamyar.facts.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.util.Drools;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.InternalKieModuleProvider;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.compiler.kproject.models.KieModuleModelImpl;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.util.maven.support.ReleaseIdImpl;

/**
 * Compiles a rule tree with Drools' executable model into a {@link CompiledRuleset}, or fails with every problem
 * located by file, line and column. Each build gets its own ReleaseId, removed from the KieRepository once the
 * KieBase exists, so that repeated builds do not accumulate. A build also yields the KieModule's bytes (the generated
 * and compiled classes), from which {@link #load} makes the same ruleset again without compiling.
 */
public final class RuleCompiler {

    public static final String PARAMS_GLOBAL = "params";
    static final String REASON_FA = "reasonFa";
    static final String REASON_EN = "reasonEn";
    static final String REFERENCE = "reference";
    static final String PROVENANCE = "provenance";
    static final String PROGRAMME = "programme";
    static final String WORDS = "words";
    static final String WHY_FA = "whyFa";
    static final String WHY_EN = "whyEn";

    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern GENERATED_SOURCE = Pattern.compile("src/main/java/(.+?)/(?:P\\w+/)?[A-Z]\\w*\\.java");
    private static final Pattern PACKAGE = Pattern.compile("^[ \\t]*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);

    public CompiledRuleset compile(RuleTree tree) {
        return build(tree).ruleset();
    }

    /** Compiles the tree, keeping the compiled KieModule's bytes for {@link #load}. */
    public Built build(RuleTree tree) {
        Catalogues catalogues = Catalogues.checked(tree);
        Module module = compileModule(tree);
        return new Built(describe(tree, catalogues, module.kieBase()), module.bytes());
    }

    /**
     * The ruleset of a tree from the bytes a {@link #build} of the same tree yielded, by this Drools version and this
     * build of Hamyar (the generated classes call the fact classes); throws {@link ModuleNotLoadable} when they do not
     * load.
     */
    public CompiledRuleset load(RuleTree tree, byte[] module) {
        Catalogues catalogues = Catalogues.checked(tree);
        KieBase kieBase;
        try {
            kieBase = kieBaseOf(module);
        } catch (RuntimeException | LinkageError e) {
            throw new ModuleNotLoadable(e);
        }
        return describe(tree, catalogues, kieBase);
    }

    /** The version of Drools that compiles and loads modules: part of what a kept module is valid for. */
    public static String droolsVersion() {
        return Drools.getFullVersion();
    }

    private static CompiledRuleset describe(RuleTree tree, Catalogues catalogues, KieBase kieBase) {
        List<CompileProblem> problems = new ArrayList<>();
        Map<Rule, RuleInfo> rulesByDefinition = describeRules(tree, kieBase, catalogues, problems);
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        rulesByDefinition.values().forEach(rule -> rules.put(rule.id(), rule));
        return new CompiledRuleset(
                tree,
                kieBase,
                catalogues.parameters(),
                catalogues.indicators(),
                catalogues.conclusions(),
                rules,
                Map.copyOf(rulesByDefinition),
                declaresParams(kieBase),
                kieBase.newKieSessionsPool(4));
    }

    private static Module compileModule(RuleTree tree) {
        KieServices services = KieServices.get();
        ReleaseId releaseId = services.newReleaseId(
                "ir.hamyar.rules",
                "ruleset-" + tree.sha256().substring(0, 16),
                "1.0.0-" + UUID.randomUUID().toString().replace("-", ""));
        KieFileSystem files = services.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        for (String path : tree.pathsEndingWith(RuleTree.RULE_SUFFIX)) {
            files.write(RESOURCES + path, tree.files().get(path));
        }
        KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        try {
            List<CompileProblem> problems = new ArrayList<>();
            for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
                problems.add(toProblem(message));
            }
            problems.removeIf(problem -> isEchoOfAParseError(problem, problems));
            if (!problems.isEmpty()) {
                throw new RuleCompilationException(problems);
            }
            return new Module(
                    services.newKieContainer(releaseId).getKieBase(),
                    ((InternalKieModule) builder.getKieModule()).getBytes());
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    /**
     * A KieBase from a module's bytes, as Drools' own repository would read a jar without a kmodule.xml (one default
     * KieBase of every package); the module leaves the KieRepository once the KieBase exists.
     */
    private static KieBase kieBaseOf(byte[] module) {
        MemoryFileSystem files = MemoryFileSystem.readFromJar(module);
        KieModuleModelImpl model = new KieModuleModelImpl();
        KieBuilderImpl.setDefaultsforEmptyKieModule(model);
        ReleaseId releaseId = ReleaseIdImpl.fromPropertiesString(files.findPomProperties());
        KieServices services = KieServices.get();
        services.getRepository()
                .addKieModule(InternalKieModuleProvider.Factory.get().createKieModule(releaseId, model, files));
        try {
            return services.newKieContainer(releaseId).getKieBase();
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    /** What a tree says beside its rules, read and checked before anything is compiled or loaded. */
    private record Catalogues(
            ParameterSet parameters,
            IndicatorCatalogue indicators,
            ConclusionCatalogue conclusions,
            ProgrammeCatalogue programmes) {

        static Catalogues checked(RuleTree tree) {
            List<CompileProblem> problems = new ArrayList<>(RuleFileCheck.check(tree));
            ProgrammeCatalogue programmes = ProgrammeCatalogue.read(tree, problems);
            ParameterSet parameters = ParameterFileReader.read(tree, programmes, problems);
            IndicatorCatalogue indicators = IndicatorCatalogue.read(tree, problems);
            ConclusionCatalogue conclusions = ConclusionCatalogue.read(tree, problems);
            conclusions.checkRules(tree, problems);
            checkPackagesMatchFolders(tree, problems);
            if (!problems.isEmpty()) {
                throw new RuleCompilationException(problems);
            }
            return new Catalogues(parameters, indicators, conclusions, programmes);
        }
    }

    private record Module(KieBase kieBase, byte[] bytes) {}

    /** What {@link #build} yields: the ruleset, and the compiled KieModule's bytes to {@link #load} it again. */
    public record Built(CompiledRuleset ruleset, byte[] module) {}

    /** A module's bytes that do not make a KieBase here (damaged, or from another build). */
    public static final class ModuleNotLoadable extends RuntimeException {
        ModuleNotLoadable(Throwable cause) {
            super("the compiled module does not load: " + cause, cause);
        }
    }

    /** After a syntax error Drools adds "Parser returned a null Package" for the same file: no news to the author. */
    private static boolean isEchoOfAParseError(CompileProblem problem, List<CompileProblem> problems) {
        return problem.message().startsWith("Parser returned a null Package")
                && problems.stream()
                        .anyMatch(other -> other != problem && other.file().equals(problem.file()));
    }

    private static void checkPackagesMatchFolders(RuleTree tree, List<CompileProblem> problems) {
        for (String path : tree.pathsEndingWith(RuleTree.RULE_SUFFIX)) {
            String text = tree.text(path);
            Matcher matcher = PACKAGE.matcher(text);
            int slash = path.lastIndexOf('/');
            String expected = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
            if (expected.isEmpty()) {
                problems.add(
                        new CompileProblem(path, 1, 1, "rule files belong in a programme folder, e.g. safehouse/"));
            } else if (!matcher.find()) {
                problems.add(new CompileProblem(path, 1, 1, "must declare 'package " + expected + ";'"));
            } else if (!matcher.group(1).equals(expected)) {
                problems.add(new CompileProblem(
                        path,
                        TreeYaml.lineOf(text, matcher.start(1)),
                        1,
                        "package must be '" + expected + "' to match its folder"));
            }
        }
    }

    private static Map<Rule, RuleInfo> describeRules(
            RuleTree tree, KieBase kieBase, Catalogues catalogues, List<CompileProblem> problems) {
        Map<Rule, RuleInfo> rules = new LinkedHashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String id = ruleId(rule);
                Location location = locate(tree, rule);
                Map<String, Object> meta = rule.getMetaData();
                for (String key : List.of(REASON_FA, REASON_EN, REFERENCE)) {
                    String text = text(meta, key);
                    if (text == null || text.isBlank()) {
                        problems.add(new CompileProblem(
                                location.file(),
                                location.line(),
                                1,
                                "rule \"" + rule.getName() + "\" needs @" + key + "(\"...\")"));
                    }
                }
                Provenance provenance = ProvenanceReader.read(
                        new ProvenanceReader.Written(
                                text(meta, PROVENANCE),
                                text(meta, PROGRAMME),
                                text(meta, WORDS),
                                new Text(text(meta, WHY_FA), text(meta, WHY_EN))),
                        catalogues.programmes(),
                        fault -> problems.add(new CompileProblem(
                                location.file(), location.line(), 1, "rule \"" + rule.getName() + "\": " + fault)));
                rules.put(
                        rule,
                        new RuleInfo(
                                id,
                                location.file(),
                                new Text(text(meta, REASON_FA), text(meta, REASON_EN)),
                                text(meta, REFERENCE),
                                provenance,
                                parametersRead(tree, location, catalogues.parameters())));
            }
        }
        return rules;
    }

    private static List<String> parametersRead(RuleTree tree, Location location, ParameterSet parameters) {
        if (!tree.files().containsKey(location.file())) {
            return List.of();
        }
        return List.copyOf(ParameterUse.readBy(
                tree.text(location.file()), location.line(), parameters.all().keySet()));
    }

    /** {@code <package folder>/<rule name>}, e.g. {@code safehouse/SonWithinTheAgeLimitAccompaniesHisMother}. */
    public static String ruleId(Rule rule) {
        return rule.getPackageName().replace('.', '/') + "/" + rule.getName();
    }

    private static boolean declaresParams(KieBase kieBase) {
        return kieBase.getKiePackages().stream()
                .flatMap(kiePackage -> kiePackage.getGlobalVariables().stream())
                .anyMatch(global -> PARAMS_GLOBAL.equals(global.getName()));
    }

    private static Location locate(RuleTree tree, Rule rule) {
        String folder = rule.getPackageName().replace('.', '/') + "/";
        Pattern declaration = Pattern.compile(
                "^[ \\t]*rule\\s+\"?" + Pattern.quote(rule.getName()) + "\"?(\\s|$)", Pattern.MULTILINE);
        for (String path : tree.pathsEndingWith(RuleTree.RULE_SUFFIX)) {
            if (path.startsWith(folder) && path.indexOf('/', folder.length()) < 0) {
                Matcher matcher = declaration.matcher(tree.text(path));
                if (matcher.find()) {
                    return new Location(path, TreeYaml.lineOf(tree.text(path), matcher.start()));
                }
            }
        }
        return new Location(folder, 0);
    }

    /** The executable model keeps a metadata string with its DRL quotes; policy staff mean the text inside. */
    private static String text(Map<String, Object> meta, String key) {
        if (!(meta.get(key) instanceof String text)) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).replace("\\\"", "\"");
        }
        return trimmed;
    }

    /**
     * A message about Java the executable model generated from a rule cannot point at a DRL line; it is reported
     * against the rule's programme folder, with the compiler's first line only (not the generated source).
     */
    private static CompileProblem toProblem(Message message) {
        String path = relativePath(message.getPath());
        String text = message.getText().strip();
        Matcher generated = GENERATED_SOURCE.matcher(path);
        if (generated.matches()) {
            String firstLine = text.lines().findFirst().orElse("").strip();
            return new CompileProblem(generated.group(1) + "/", 0, 0, "in a rule of this folder: " + firstLine);
        }
        return new CompileProblem(path, message.getLine(), message.getColumn(), text);
    }

    private static String relativePath(String path) {
        if (path == null) {
            return "";
        }
        return path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
    }

    private record Location(String file, int line) {}
}
