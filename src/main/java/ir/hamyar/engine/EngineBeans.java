package ir.hamyar.engine;

import ir.hamyar.profile.ProfileReader;
import ir.hamyar.scenario.ScenarioRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The framework-free engine classes, made available for injection. */
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

    @Produces
    @ApplicationScoped
    ProfileReader profileReader() {
        return new ProfileReader();
    }

    @Produces
    @ApplicationScoped
    ScenarioRunner scenarioRunner(ProfileReader reader, Evaluator evaluator) {
        return new ScenarioRunner(reader, evaluator);
    }
}
