package ir.hamyar.engine;

import ir.hamyar.evaluation.Evaluations;

/** A test fixture that breaks the direction on purpose (the engine must know nothing of evaluation). */
public final class ArrowAgainstTheLayers {

    private ArrowAgainstTheLayers() {}

    public static Class<?> wrongWay() {
        return Evaluations.class;
    }
}
