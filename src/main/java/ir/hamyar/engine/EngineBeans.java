package ir.hamyar.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    Evaluator evaluator(
            EngineConfig config,
            @ConfigProperty(name = "hamyar.rules.max-evaluation-ms", defaultValue = "2000") long maxEvaluationMs) {
        return new Evaluator(config.maxFirings(), Duration.ofMillis(maxEvaluationMs));
    }
}
