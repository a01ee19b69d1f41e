package ir.hamyar.ruleset;

import io.quarkus.runtime.ShutdownEvent;
import ir.hamyar.engine.CompileProblem;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.RuleCompilationException;
import ir.hamyar.engine.RuleTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Compiles rule trees (or loads them compiled, see {@link CompiledModules}) in the background, never on a decision's
 * thread, and keeps the last few results by sha256: a draft compiled when it was uploaded (on every replica) or a
 * version that was active a moment ago is ready to switch to at once. Each compile has a thread of its own and is
 * bounded by {@code hamyar.rules.max-compile-ms}: past it the compile fails (the draft is REJECTED) and its thread is
 * interrupted, so that one draft can never hold up the compiles, activations or impact runs of others.
 */
@ApplicationScoped
public class RulesetCompilations {

    private static final Logger LOG = Logger.getLogger(RulesetCompilations.class);

    private final CompiledModules modules;
    private final int capacity;
    private final long maxCompileMs;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService compilers = Executors.newCachedThreadPool(runnable -> {
        Thread compilerThread = new Thread(runnable, "hamyar-rules-compiler-" + threads.incrementAndGet());
        compilerThread.setDaemon(true);
        return compilerThread;
    });
    private final Map<String, CompletableFuture<CompiledRuleset>> bySha = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<CompiledRuleset> warm = Collections.newSetFromMap(new WeakHashMap<>());

    public RulesetCompilations(CompiledModules modules, RulesConfig config) {
        this.modules = modules;
        this.capacity = config.compiledCacheSize();
        this.maxCompileMs = config.maxCompileMs();
    }

    /** The compiled tree, compiling it if it is not kept; throws the compiler's RuleCompilationException. */
    public CompiledRuleset compile(RuleTree tree) {
        try {
            return submit(tree).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Starts compiling in the background, unless the tree is compiled or being compiled already. */
    public synchronized CompletableFuture<CompiledRuleset> submit(RuleTree tree) {
        CompletableFuture<CompiledRuleset> kept = bySha.get(tree.sha256());
        if (kept != null) {
            return kept;
        }
        CompletableFuture<CompiledRuleset> compiling = bounded(tree);
        bySha.put(tree.sha256(), compiling);
        compiling.whenComplete((ruleset, failure) -> {
            if (failure != null) {
                forget(tree.sha256(), compiling);
            }
        });
        while (bySha.size() > capacity) {
            bySha.remove(bySha.keySet().iterator().next());
        }
        return compiling;
    }

    /** Runs {@code work} in the background, off any decision's thread. */
    public CompletableFuture<Void> later(Runnable work) {
        return CompletableFuture.runAsync(work, compilers);
    }

    /** The tree compiled on a thread of its own, failed as a compile problem once it takes longer than the bound. */
    private CompletableFuture<CompiledRuleset> bounded(RuleTree tree) {
        CompletableFuture<CompiledRuleset> result = new CompletableFuture<>();
        Future<?> compile = compilers.submit(() -> {
            try {
                result.complete(modules.obtain(tree).ruleset());
            } catch (RuntimeException | LinkageError e) {
                result.completeExceptionally(e);
            }
        });
        CompletableFuture.delayedExecutor(maxCompileMs, TimeUnit.MILLISECONDS).execute(() -> {
            if (result.completeExceptionally(tooSlow())) {
                compile.cancel(true);
                LOG.warnf("Compiling tree %s took longer than %d ms: refused", tree.sha256(), maxCompileMs);
            }
        });
        return result;
    }

    /** Records that {@code ruleset} has decided all its scenarios, so its code paths are loaded and compiled. */
    public synchronized void warmed(CompiledRuleset ruleset) {
        warm.add(ruleset);
    }

    public synchronized boolean isWarm(CompiledRuleset ruleset) {
        return warm.contains(ruleset);
    }

    /** The sha256 of every tree compiled and warmed: ready to switch to at once. */
    public synchronized List<String> ready() {
        return bySha.entrySet().stream()
                .filter(entry -> entry.getValue().isDone() && !entry.getValue().isCompletedExceptionally())
                .filter(entry -> warm.contains(entry.getValue().join()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private RuleCompilationException tooSlow() {
        return new RuleCompilationException(List.of(new CompileProblem(
                "",
                0,
                0,
                "compiling took longer than " + maxCompileMs + " ms (hamyar.rules.max-compile-ms): the tree"
                        + " is refused; make it smaller or simpler")));
    }

    private synchronized void forget(String sha256, CompletableFuture<CompiledRuleset> failed) {
        bySha.remove(sha256, failed);
    }

    void stop(@Observes ShutdownEvent event) {
        compilers.shutdownNow();
    }
}
