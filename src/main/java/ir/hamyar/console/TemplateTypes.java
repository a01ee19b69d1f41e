package ir.hamyar.console;

import io.quarkus.qute.TemplateData;
import ir.hamyar.audit.AuditRecord;
import ir.hamyar.audit.DecisionAudit;
import ir.hamyar.audit.Differences;
import ir.hamyar.audit.FailedEvaluation;
import ir.hamyar.audit.Impact;
import ir.hamyar.audit.RuleStatistics;
import ir.hamyar.decision.DecisionResponse;
import ir.hamyar.decision.DryRunResponse;
import ir.hamyar.engine.CompileProblem;
import ir.hamyar.engine.Indicator;
import ir.hamyar.engine.Parameter;
import ir.hamyar.engine.Provenance;
import ir.hamyar.engine.RuleInfo;
import ir.hamyar.evaluation.ConclusionView;
import ir.hamyar.facts.Text;
import ir.hamyar.ledger.AuditRead;
import ir.hamyar.ledger.Checkpoint;
import ir.hamyar.ledger.Erased;
import ir.hamyar.ledger.OverrideView;
import ir.hamyar.ledger.Verification;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.Problem;
import ir.hamyar.query.Page;
import ir.hamyar.report.Report;
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
@TemplateData(target = Provenance.class)
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
@TemplateData(target = AuditRecord.class)
@TemplateData(target = AuditRecord.Ruleset.class)
@TemplateData(target = AuditRecord.FiredRule.class)
@TemplateData(target = AuditRecord.ParameterValue.class)
@TemplateData(target = OverrideView.class)
@TemplateData(target = Erased.class)
@TemplateData(target = DecisionAudit.Replay.class)
@TemplateData(target = Differences.Difference.class)
@TemplateData(target = FailedEvaluation.class)
@TemplateData(target = Verification.class)
@TemplateData(target = Verification.Chain.class)
@TemplateData(target = Checkpoint.class)
@TemplateData(target = RuleStatistics.class)
@TemplateData(target = RuleStatistics.RuleFirings.class)
@TemplateData(target = AuditRead.class)
@TemplateData(target = Page.class)
@TemplateData(target = Report.class)
@TemplateData(target = AuditPages.Explained.class)
@TemplateData(target = AuditPages.RuleUse.class)
@TemplateData(target = AuditPages.Filters.class)
@TemplateData(target = AuditPages.Found.class)
@TemplateData(target = ReportCharts.Chart.class)
@TemplateData(target = ReportCharts.Shape.class)
@TemplateData(target = ReportCharts.Label.class)
final class TemplateTypes {

    private TemplateTypes() {}
}
