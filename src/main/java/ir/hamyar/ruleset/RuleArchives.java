package ir.hamyar.ruleset;

import ir.hamyar.engine.RuleTree;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads a zip upload into a rule tree, refusing anything that could write outside the tree or smuggle in what is
 * not a rules file; writes a version back as a zip whose bytes depend only on the tree.
 */
public final class RuleArchives {

    static final int MAX_ENTRIES = 2000;
    static final long MAX_UNCOMPRESSED = 64L * 1024 * 1024;
    private static final FileTime FIXED_TIME = FileTime.from(Instant.parse("2016-03-20T00:00:00Z"));
    private static final int SYMLINK = 0120000;
    private static final int FILE_TYPE = 0170000;

    private RuleArchives() {}

    /**
     * The tree in {@code zip}. One folder wrapping the whole tree (a zipped {@code rules/} folder) is unwrapped;
     * hidden files are skipped as they are in a rules directory. Any refused entry fails the whole upload.
     */
    public static RuleTree read(byte[] zip) {
        Map<String, byte[]> files = new HashMap<>();
        List<FieldError> problems = new ArrayList<>();
        try (ZipFile archive = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
                .get()) {
            List<ZipArchiveEntry> entries = Collections.list(archive.getEntries());
            if (entries.size() > MAX_ENTRIES) {
                throw invalid("the archive has more than " + MAX_ENTRIES + " entries");
            }
            long total = 0;
            for (ZipArchiveEntry entry : entries) {
                String name = entry.getName();
                if (isSymlink(entry)) {
                    problems.add(new FieldError(name, "symbolic links are not allowed in a rules archive"));
                    continue;
                }
                String path = stripTrailingSlash(name);
                Optional<String> escape = TreePaths.escapes(path);
                if (escape.isPresent()) {
                    problems.add(new FieldError(name, escape.get()));
                    continue;
                }
                if (entry.isDirectory() || TreePaths.isHidden(path)) {
                    continue;
                }
                Optional<String> problem = TreePaths.problemWith(path);
                if (problem.isPresent()) {
                    problems.add(new FieldError(name, problem.get()));
                    continue;
                }
                byte[] content = readLimited(archive, entry, MAX_UNCOMPRESSED - total);
                total += content.length;
                if (!TreePaths.isUtf8(content)) {
                    problems.add(new FieldError(name, "is not UTF-8 text"));
                } else if (files.put(name, content) != null) {
                    problems.add(new FieldError(name, "appears twice in the archive"));
                }
            }
        } catch (IOException e) {
            throw invalid("the body is not a readable zip archive");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the archive holds entries a rules tree may not have", problems);
        }
        if (files.isEmpty()) {
            throw invalid("the archive holds no rules files");
        }
        return new RuleTree(unwrapSingleFolder(files));
    }

    public static byte[] write(RuleTree tree) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
                java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(file.getKey());
                entry.setLastModifiedTime(FIXED_TIME);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static boolean isSymlink(ZipArchiveEntry entry) {
        return entry.isUnixSymlink() || (entry.getUnixMode() & FILE_TYPE) == SYMLINK;
    }

    private static byte[] readLimited(ZipFile archive, ZipArchiveEntry entry, long remaining) throws IOException {
        try (InputStream in = archive.getInputStream(entry)) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, remaining + 1));
            if (content.length > remaining) {
                throw invalid("the archive unpacks to more than " + MAX_UNCOMPRESSED / (1024 * 1024) + " MiB");
            }
            return content;
        }
    }

    private static Map<String, byte[]> unwrapSingleFolder(Map<String, byte[]> files) {
        String first = files.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String folder = first.substring(0, slash + 1);
        if (files.containsKey(folder + RuleTree.INDICATORS_FILE)
                && files.keySet().stream().allMatch(path -> path.startsWith(folder))) {
            Map<String, byte[]> unwrapped = new HashMap<>();
            files.forEach((path, content) -> unwrapped.put(path.substring(folder.length()), content));
            return unwrapped;
        }
        return files;
    }

    private static String stripTrailingSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static InvalidInputException invalid(String detail) {
        return new InvalidInputException(detail, List.of(new FieldError("", detail)));
    }
}
