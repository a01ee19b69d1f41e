package ir.hamyar.ruleset;

import ir.hamyar.engine.RuleCompiler;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.engine.RuleTreeLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step, not a test: compiles the shipped rules and writes their KieModule into the application's classes (Maven
 * runs it before packaging, pom.xml), so that a first start on a new database with the shipped rules loads them
 * instead of compiling them; it still runs their scenarios before serving. See {@link CompiledModules}.
 *   java -cp … ir.hamyar.ruleset.ShippedRulesModule rules target/classes
 */
public final class ShippedRulesModule {

    private ShippedRulesModule() {}

    public static void main(String[] args) throws IOException {
        RuleTree tree = RuleTreeLoader.fromDirectory(Path.of(args[0]));
        Path folder = Path.of(args[1]).resolve(CompiledModules.SHIPPED);
        Files.createDirectories(folder);
        Files.write(folder.resolve("module"), new RuleCompiler().build(tree).module());
        try (OutputStream out = Files.newOutputStream(folder.resolve("module.properties"))) {
            CompiledModules.Key.of(tree, CompiledModules.thisBuild())
                    .properties()
                    .store(out, "the compiled shipped rules, valid for this tree, Drools version and build only");
        }
    }
}
