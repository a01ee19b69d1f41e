package ir.hamyar.console;

import io.quarkus.qute.TemplateData;
import ir.hamyar.audit.Impact;
import ir.hamyar.decision.DecisionResponse;
import ir.hamyar.decision.DryRunResponse;
import ir.hamyar.engine.CompileProblem;
import ir.hamyar.engine.Indicator;
import ir.hamyar.engine.Parameter;
import ir.hamyar.engine.RuleInfo;
import ir.hamyar.evaluation.ConclusionView;
import ir.hamyar.facts.Text;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.Problem;
import ir.hamyar.ruleset.RulesetEvent;
import ir.hamyar.ruleset.RulesetVersion;
import ir.hamyar.ruleset.StoredFile;
import ir.hamyar.ruleset.ValidationReport;
import ir.hamyar.scenario.ScenarioFailure;

/** The types of other packages that console templates read: Qute resolves their properties without reflection. */
@TemplateData(target = RulesetVersion.class)
@TemplateData(target = RulesetVersion.Approval.class)
@TemplateData(target = RulesetEvent.class)
@TemplateData(target = StoredFile.class)
@TemplateData(target = ValidationReport.class)
@TemplateData(target = ValidationReport.Scenarios.class)
@TemplateData(target = ValidationReport.FailedScenario.class)
@TemplateData(target = ScenarioFailure.class)
@TemplateData(target = CompileProblem.class)
@TemplateData(target = RuleInfo.class)
@TemplateData(target = Parameter.class)
@TemplateData(target = Indicator.class)
@TemplateData(target = Text.class)
@TemplateData(target = DryRunResponse.class)
@TemplateData(target = DecisionResponse.RulesetRef.class)
@TemplateData(target = DecisionResponse.FiredRule.class)
@TemplateData(target = ConclusionView.class)
@TemplateData(target = Impact.Report.class)
@TemplateData(target = Problem.class)
@TemplateData(target = FieldError.class)
@TemplateData(target = ConsoleRequest.class)
@TemplateData(target = PolicyPages.ParameterView.class)
@TemplateData(target = PolicyPages.Step.class)
@TemplateData(target = VersionPages.Line.class)
@TemplateData(target = VersionPages.ErrorLine.class)
@TemplateData(target = VersionPages.ChangedDecision.class)
@TemplateData(target = VersionPages.DiffView.class)
@TemplateData(target = VersionPages.DiffLine.class)
@TemplateData(target = DecisionPages.ConclusionRow.class)
@TemplateData(target = DecisionPages.OverrideRow.class)
final class TemplateTypes {

    private TemplateTypes() {}
}
