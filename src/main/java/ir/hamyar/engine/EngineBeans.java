package ir.hamyar.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The compiler and the evaluator, plain classes that engine tests build themselves, as beans for the service. */
@ApplicationScoped
public class EngineBeans {

    @Produces
    @ApplicationScoped
    RuleCompiler ruleCompiler() {
        return new RuleCompiler();
    }

    @Produces
    @ApplicationScoped
    Evaluator evaluator(EngineConfig config) {
        return new Evaluator(config.maxFirings());
    }
}
