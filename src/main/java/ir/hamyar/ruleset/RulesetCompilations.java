package ir.hamyar.ruleset;

import io.quarkus.runtime.ShutdownEvent;
import ir.hamyar.engine.CompiledRuleset;
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

/**
 * Compiles rule trees (or loads them compiled, see {@link CompiledModules}) on one background thread, so that a
 * compile never runs on a decision's thread and never takes more than one core, and keeps the last few results by
 * sha256: a draft compiled when it was uploaded (on every replica) or a version that was active a moment ago is ready
 * to switch to at once.
 */
@ApplicationScoped
public class RulesetCompilations {

    private final CompiledModules modules;
    private final int capacity;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread compilerThread = new Thread(runnable, "hamyar-rules-compiler");
        compilerThread.setDaemon(true);
        return compilerThread;
    });
    private final Map<String, CompletableFuture<CompiledRuleset>> bySha = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<CompiledRuleset> warm = Collections.newSetFromMap(new WeakHashMap<>());

    public RulesetCompilations(CompiledModules modules, RulesConfig config) {
        this.modules = modules;
        this.capacity = config.compiledCacheSize();
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
        CompletableFuture<CompiledRuleset> compiling =
                CompletableFuture.supplyAsync(() -> modules.obtain(tree).ruleset(), thread);
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

    /** Runs {@code work} on the compiler's thread, after what was submitted before it. */
    public CompletableFuture<Void> later(Runnable work) {
        return CompletableFuture.runAsync(work, thread);
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

    private synchronized void forget(String sha256, CompletableFuture<CompiledRuleset> failed) {
        bySha.remove(sha256, failed);
    }

    void stop(@Observes ShutdownEvent event) {
        thread.shutdownNow();
    }
}
