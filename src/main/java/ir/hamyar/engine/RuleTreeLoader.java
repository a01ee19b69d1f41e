package ir.hamyar.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a rule tree from a directory, or from the copy of {@code rules/} shipped inside the application jar. */
public final class RuleTreeLoader {

    /** Where the build copies {@code rules/} on the classpath; {@code README.md} anchors the lookup. */
    public static final String SHIPPED_ROOT = "hamyar/rules";

    private static final String SHIPPED_ANCHOR = SHIPPED_ROOT + "/README.md";

    private RuleTreeLoader() {}

    public static RuleTree fromDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("rules directory " + root.toAbsolutePath() + " does not exist");
        }
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                if (Files.isRegularFile(path) && isPartOfTree(relative)) {
                    files.put(relative, Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + root.toAbsolutePath(), e);
        }
        return new RuleTree(files);
    }

    public static RuleTree shipped() {
        URL anchor = Thread.currentThread().getContextClassLoader().getResource(SHIPPED_ANCHOR);
        if (anchor == null) {
            throw new IllegalStateException("no rules were shipped with this build (" + SHIPPED_ANCHOR + " missing)");
        }
        try {
            URI uri = anchor.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return fromDirectory(jar.getPath("/" + SHIPPED_ROOT));
                }
            }
            return fromDirectory(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the shipped rules", e);
        }
    }

    /** Hidden files and editor backups are not policy. */
    static boolean isPartOfTree(String relativePath) {
        for (String segment : relativePath.split("/")) {
            if (segment.startsWith(".") || segment.endsWith("~")) {
                return false;
            }
        }
        return true;
    }
}
