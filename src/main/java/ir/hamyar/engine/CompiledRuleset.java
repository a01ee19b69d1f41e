package ir.hamyar.engine;

import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A rule tree compiled once into a shared, thread-safe KieBase, with what the rules need beside it. Immutable: a new
 * version of the rules is a new instance, never an update of this one. Its rules are described by id and, for the
 * engine's listener, by the KieBase's own definition of each (found without making its id again at every firing).
 */
public record CompiledRuleset(
        RuleTree tree,
        KieBase kieBase,
        ParameterSet parameters,
        IndicatorCatalogue indicators,
        ConclusionCatalogue conclusions,
        Map<String, RuleInfo> rules,
        Map<Rule, RuleInfo> rulesByDefinition,
        boolean declaresParams,
        KieSessionsPool sessions) {

    public String sha256() {
        return tree.sha256();
    }
}
