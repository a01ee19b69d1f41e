package ir.hamyar.ruleset;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "hamyar.rules")
public interface RulesConfig {

    /**
     * {@code hamyar.rules.dir}: the rule tree an installation edits on disk. Unset: {@code ./rules} when it exists (a
     * checkout), otherwise the copy of {@code rules/} shipped inside the application jar.
     */
    Optional<Path> dir();

    /**
     * Activate a change of the rules directory (seen at startup or while running) once it validates. Off in
     * production, where policy staff activate drafts through the API; on in dev and test.
     */
    @WithDefault("false")
    boolean autoActivate();

    /** Watch the rules directory for edits (single-node installations). Only a directory is watched, never the jar. */
    @WithDefault("true")
    boolean watch();

    /** How often the rules directory is checked for edits. */
    @WithDefault("1s")
    Duration watchInterval();

    /** How often each replica checks the database for the active version, besides listening for notifications. */
    @WithDefault("5s")
    Duration syncInterval();

    /**
     * How many policy users other than its author must approve a DRAFT before it may be activated (four eyes).
     * Reactivating a RETIRED version (rollback) needs none. 0 only in dev mode and in tests that activate alone.
     */
    @WithDefault("1")
    int approvalsRequired();

    /**
     * {@code hamyar.rules.max-compile-ms}: how long compiling (or loading) one tree may take before it is refused as a
     * compile problem and its thread interrupted; each compile has its own thread, so no draft holds up another.
     */
    @WithDefault("120000")
    long maxCompileMs();

    /**
     * {@code hamyar.rules.max-evaluation-ms} (default 2000): how long one evaluation may run before a timer halts it
     * and it fails as {@code rules-failed}. The engine's {@code EngineBeans} reads it (the engine may not depend on this
     * package); it is mapped here too because SmallRye refuses a key under this prefix that no accessor maps.
     */
    @WithDefault("2000")
    long maxEvaluationMs();

    /** How many compiled versions (drafts, recently active ones) each replica keeps ready to switch to. */
    @WithDefault("4")
    int compiledCacheSize();

    /**
     * Keep each compiled tree in the database (table {@code compiled_module}) and load it on the next start instead
     * of compiling it. Off in dev mode, where live reload changes the fact classes the compiled rules call.
     */
    @WithDefault("true")
    boolean keepCompiled();
}
