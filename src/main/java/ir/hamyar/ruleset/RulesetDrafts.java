package ir.hamyar.ruleset;

import ir.hamyar.engine.RuleTree;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.scenario.RefsOnRecord;
import ir.hamyar.scenario.SavedScenarioRefs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns a rule tree into a stored version: validated first (compiled off the decision path, then its scenarios run),
 * kept as a DRAFT when it passes and REJECTED when not. A tree stored before is answered with that version.
 */
@ApplicationScoped
public class RulesetDrafts {

    private static final Logger LOG = Logger.getLogger(RulesetDrafts.class);

    private final RulesetVersions versions;
    private final RulesetValidator validator;
    private final RefsOnRecord refsOnRecord;

    public RulesetDrafts(RulesetVersions versions, RulesetValidator validator, RefsOnRecord refsOnRecord) {
        this.versions = versions;
        this.validator = validator;
        this.refsOnRecord = refsOnRecord;
    }

    public DraftReport fromChanges(RulesetChanges changes, String actor) {
        RulesetVersion base = versions.find(changes.baseVersion())
                .filter(RulesetVersion::hasFiles)
                .orElseThrow(() -> new InvalidInputException(
                        new FieldError("baseVersion", "there is no stored version " + changes.baseVersion())));
        RuleTree tree = changes.applyTo(versions.verifiedTree(base.version()));
        return create(tree, "changes on version " + base.version(), actor, changes.comment());
    }

    public DraftReport create(RuleTree tree, String source, String actor, String comment) {
        Optional<RulesetVersion> existing = versions.findBySha(tree.sha256());
        if (existing.isPresent()) {
            return DraftReport.of(existing.get(), true);
        }
        List<FieldError> realPeople = SavedScenarioRefs.onRecord(tree, refsOnRecord);
        if (!realPeople.isEmpty()) {
            throw new InvalidInputException("a saved scenario names a subject of the record", realPeople);
        }
        RulesetValidator.Validated validated = validator.validate(tree);
        RulesetStatus status = validated.report().valid() ? RulesetStatus.DRAFT : RulesetStatus.REJECTED;
        Optional<Integer> stored = versions.insert(
                new RulesetVersions.NewVersion(tree, status, source, actor, comment, validated.report()));
        RulesetVersion version = versions.findBySha(tree.sha256()).orElseThrow();
        if (stored.isPresent()) {
            LOG.infof(
                    "Ruleset version %d (%s) created by %s from %s: %s",
                    version.version(), status, actor, source, validated.report().summary());
        }
        return DraftReport.of(version, stored.isEmpty());
    }
}
