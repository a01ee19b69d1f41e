package ir.hamyar.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The direction of docs/architecture.md, over the compiled classes: a package may use only packages of a lower
 * layer, and packages of one layer (peers) never use each other.
 */
class DependencyDirectionTest {

    /** Lowest first; a line is one layer. */
    static final List<List<String>> LAYERS = List.of(
            List.of("calendar", "db", "workers", "privacy"),
            List.of("problem"),
            List.of("json", "query", "security"),
            List.of("facts"),
            List.of("profile"),
            List.of("engine"),
            List.of("evaluation"),
            List.of("scenario"),
            List.of("ruleset", "ledger"),
            List.of("decision", "audit", "report", "erasure"),
            List.of("console"));

    private static final String BASE = "ir.hamyar.";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ir.hamyar");

    @Test
    void everyPackageOfTheServiceHasItsPlaceInTheLayers() {
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass type : MAIN) {
            if (layerOf(capability(type)) < 0) {
                unplaced.add(capability(type));
            }
        }
        assertThat(unplaced)
                .as("packages missing from LAYERS and docs/architecture.md")
                .isEmpty();
    }

    @Test
    void noPackageUsesOneAboveItOrBesideIt() {
        assertThat(against(MAIN))
                .as("dependencies against docs/architecture.md")
                .isEmpty();
    }

    @Test
    void anArrowAgainstTheDirectionIsSeen() {
        JavaClasses wrong = new ClassFileImporter().importClasses(ir.hamyar.engine.ArrowAgainstTheLayers.class);
        assertThat(against(wrong)).isNotEmpty().allSatisfy(arrow -> assertThat(arrow)
                .startsWith("engine -> evaluation"));
    }

    private static Set<String> against(JavaClasses classes) {
        Set<String> against = new TreeSet<>();
        for (JavaClass type : classes) {
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                if (!target.getPackageName().startsWith(BASE)) {
                    continue;
                }
                String from = capability(type);
                String to = capability(target);
                if (!from.equals(to) && layerOf(to) >= layerOf(from)) {
                    against.add(from + " -> " + to + ": " + dependency.getDescription());
                }
            }
        }
        return against;
    }

    private static String capability(JavaClass type) {
        String name = type.getPackageName().substring(BASE.length());
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static int layerOf(String capability) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(capability)) {
                return i;
            }
        }
        return -1;
    }
}
