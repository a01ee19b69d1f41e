package ir.hamyar.ruleset;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What may be a file of an uploaded rules tree: a relative path inside the tree (no {@code ..}, no absolute or drive
 * path, no backslash), of a kind a tree holds ({@code .drl}, {@code .yaml}, {@code .md}), with UTF-8 text.
 */
final class TreePaths {

    static final int MAX_PATH_LENGTH = 300;
    private static final List<String> KINDS = List.of(".drl", ".yaml", ".md");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private TreePaths() {}

    /** Why {@code path} cannot be a file of a rules tree, or empty when it can. */
    static Optional<String> problemWith(String path) {
        return escapes(path).or(() -> wrongKind(path));
    }

    /** Why {@code path} could reach outside the tree or is not a plain relative path, or empty when it cannot. */
    static Optional<String> escapes(String path) {
        if (path.isEmpty() || path.length() > MAX_PATH_LENGTH) {
            return Optional.of("a path must have 1 to " + MAX_PATH_LENGTH + " characters");
        }
        if (path.startsWith("/") || DRIVE.matcher(path).matches()) {
            return Optional.of("an absolute path is not allowed: paths are relative to the rules tree");
        }
        if (path.indexOf('\\') >= 0 || path.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("a path may not contain backslashes or control characters");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.of("a path may not contain '.' or '..' segments: it must stay inside the tree");
            }
            if (segment.isEmpty()) {
                return Optional.of("a path may not contain empty segments");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> wrongKind(String path) {
        if (KINDS.stream().noneMatch(path::endsWith)) {
            return Optional.of("only .drl, .yaml and .md files belong in a rules tree");
        }
        return Optional.empty();
    }

    /** Hidden files and folders (.DS_Store, __MACOSX, .git) are not policy; a directory tree skips them too. */
    static boolean isHidden(String path) {
        for (String segment : path.split("/")) {
            if (segment.startsWith(".") && !segment.equals(".") && !segment.equals("..")
                    || segment.equals("__MACOSX")
                    || segment.endsWith("~")) {
                return true;
            }
        }
        return false;
    }

    static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
