package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.RuleCompilationException;
import ir.hamyar.engine.RuleCompiler;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.support.RuleTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compiling is bounded (hamyar.rules.max-compile-ms) and every compile has a thread of its own: a tree whose compile
 * never ends is refused as a compile problem at the bound and its thread interrupted, while another tree submitted
 * after it is obtained meanwhile (here from a ruleset compiled beforehand, so that only the stuck one meets the bound).
 */
class CompileBoundTest {

    private static final long BOUND_MS = 1500;

    @Test
    void aCompileThatNeverEndsIsRefusedAtTheBoundWhileAnotherCompilesMeanwhile() throws Exception {
        RuleTree stuck = withMarker("stuck");
        RuleTree sound = RuleTrees.shipped();
        CompiledRuleset compiled = new RuleCompiler().compile(sound);
        CountDownLatch interrupted = new CountDownLatch(1);
        CompiledModules modules = new CompiledModules(null, new RuleCompiler(), null, config()) {
            @Override
            public Obtained obtain(RuleTree tree) {
                if (tree.sha256().equals(stuck.sha256())) {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    throw new IllegalStateException("interrupted");
                }
                return new Obtained(compiled, How.COMPILED);
            }
        };
        RulesetCompilations compilations = new RulesetCompilations(modules, config());

        long started = System.nanoTime();
        var stuckCompile = compilations.submit(stuck);
        var soundCompile = compilations.submit(sound);

        assertThat(soundCompile.get(BOUND_MS / 2, TimeUnit.MILLISECONDS)).isSameAs(compiled);
        assertThatThrownBy(() -> compilations.compile(stuck))
                .isInstanceOfSatisfying(
                        RuleCompilationException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                                .contains("compiling took longer than " + BOUND_MS + " ms")));
        assertThat(stuckCompile.isCompletedExceptionally()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(BOUND_MS + 3000));
        assertThat(interrupted.await(10, TimeUnit.SECONDS))
                .as("the stuck compile's thread is interrupted")
                .isTrue();
        compilations.stop(null);
    }

    private static RuleTree withMarker(String marker) {
        Map<String, byte[]> files = new HashMap<>(RuleTrees.shipped().files());
        files.put("README.md", ("# " + marker + "\n").getBytes(StandardCharsets.UTF_8));
        return new RuleTree(files);
    }

    private static RulesConfig config() {
        return new RulesConfig() {
            @Override
            public Optional<Path> dir() {
                return Optional.empty();
            }

            @Override
            public boolean autoActivate() {
                return false;
            }

            @Override
            public boolean watch() {
                return false;
            }

            @Override
            public Duration watchInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration syncInterval() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int approvalsRequired() {
                return 0;
            }

            @Override
            public long maxCompileMs() {
                return BOUND_MS;
            }

            @Override
            public long maxEvaluationMs() {
                return 2000;
            }

            @Override
            public int compiledCacheSize() {
                return 4;
            }

            @Override
            public boolean keepCompiled() {
                return false;
            }
        };
    }
}
