package ir.hamyar.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every packaged-jar test needs: a fresh database and a working directory of its own for each test, both gone
 * after it. Register with {@code @RegisterExtension final PackagedDeployment deployment = new PackagedDeployment();}.
 */
public final class PackagedDeployment implements BeforeEachCallback, AfterEachCallback {

    private Path workDir;
    private String database;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        workDir = Files.createTempDirectory("hamyar-packaged-");
        database = PackagedService.freshDatabase();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        PackagedService.dropDatabase(database);
        try (Stream<Path> paths = Files.walk(workDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Starts the packaged service named {@code name} (its log and config live under the working directory). */
    public PackagedService start(String name, List<String> arguments) throws IOException {
        return PackagedService.start(workDir, name, database, arguments);
    }

    public Path workDir() {
        return workDir;
    }

    public String database() {
        return database;
    }
}
