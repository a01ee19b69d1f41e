package ir.hamyar.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import ir.hamyar.engine.ConclusionCatalogue;
import ir.hamyar.facts.Text;
import ir.hamyar.problem.DomainException;
import ir.hamyar.problem.FieldError;
import ir.hamyar.query.QueryParams;
import ir.hamyar.report.Report;
import ir.hamyar.report.ReportResource;
import ir.hamyar.report.Reports;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The programme managers' page: the three reports of the API for the manager's organisation, each as a chart drawn
 * on the server (SVG, no script) beside its table, and each as CSV. Aggregates only: nothing links to a family.
 */
@Path("/console/reports")
@RolesAllowed({Roles.MANAGER, Roles.AUDITOR, Roles.ADMIN})
public class ReportPages {

    private final ConsoleRequest console;
    private static final String SMALL = "<5";
    private static final String SUPPRESSED = "x";

    private final Reports reports;
    private final ActiveRuleset active;
    private final Template page;

    public ReportPages(
            ConsoleRequest console,
            Reports reports,
            ActiveRuleset active,
            @Location("console/reports.html") Template page) {
        this.console = console;
        this.reports = reports;
        this.active = active;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance reports(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("interval") String interval) {
        Reports.Period period = period(from, to);
        boolean quarters = "quarter".equals(interval);
        Report tiers = reports.tiers(
                quarters ? period.wholeQuarters() : period,
                quarters,
                console.caller().scope());
        Report transitions = reports.transitions(period, console.caller().scope());
        Report safeHouse = reports.safeHouse(period, console.caller().scope());
        Report visits = reports.visits(period, console.caller().scope());
        Map<String, String> labels = labels();
        UnaryOperator<String> words = code -> ConsoleFormat.digits(labels.getOrDefault(code, code), console.getLang());
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("from", period.first().toString());
        typed.put("to", period.last().toString());
        typed.put("interval", quarters ? "quarter" : null);
        return page.data("c", console)
                .data("from", from == null ? "" : from)
                .data("to", to == null ? "" : to)
                .data("quarters", quarters)
                .data("tiers", tiers)
                .data("labels", labels)
                .data("tiersChart", ReportCharts.stackedBars(tiers, 3, words))
                .data("transitions", transitions)
                .data("transitionsChart", readingOrder(ReportCharts.heatGrid(transitions, words)))
                .data("safeHouse", safeHouse)
                .data("safeHouseChart", readingOrder(ReportCharts.bars(safeHouse, words)))
                .data("visits", visits)
                .data("visitsChart", ReportCharts.barsAgainstTarget(visits, 4, 5, 3, words))
                .data("query", AuditPages.query(typed).replaceFirst("^&", "?"));
    }

    /** A report as CSV, as the API gives it with {@code Accept: text/csv}. */
    @GET
    @Path("{report}.csv")
    @Produces("text/csv")
    public Response csv(
            @PathParam("report") String name,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("interval") String interval) {
        Reports.Period period = period(from, to);
        Report report =
                switch (name) {
                    case "tiers" ->
                        "quarter".equals(interval)
                                ? reports.tiers(
                                        period.wholeQuarters(),
                                        true,
                                        console.caller().scope())
                                : reports.tiers(period, false, console.caller().scope());
                    case "transitions" ->
                        reports.transitions(period, console.caller().scope());
                    case "safehouse" ->
                        reports.safeHouse(period, console.caller().scope());
                    case "visits" -> reports.visits(period, console.caller().scope());
                    default -> throw new DomainException.NotFound();
                };
        return ReportResource.csv(report);
    }

    /** Matrices and bars read from the right on a Persian page, like the tables beside them; time stays left to right. */
    private ReportCharts.Chart readingOrder(ReportCharts.Chart chart) {
        return console.isPersian() ? chart.mirrored() : chart;
    }

    /** The words for the reports' conclusion types and values in the page's language, from the version in force. */
    private Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        ConclusionCatalogue catalogue = active.current().ruleset().conclusions();
        for (String type : List.of("TIER", "SAFE_HOUSE", "STAY", "ACCOMPANY")) {
            ConclusionCatalogue.ConclusionType declared = catalogue.types().get(type);
            if (declared != null) {
                labels.put(type, words(declared.label()));
                declared.values().forEach((value, label) -> labels.put(value, words(label)));
            }
        }
        labels.put(SMALL, console.getM().get("smallCell"));
        labels.put(SUPPRESSED, console.getM().get("suppressedCell"));
        labels.put("target", console.getM().get("visitTarget"));
        return labels;
    }

    private String words(Text text) {
        return console.isPersian() ? text.fa() : text.en();
    }

    /** The whole months of the period typed in the form (Solar Hijri or ISO days), or this Solar Hijri year. */
    private static Reports.Period period(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = from == null || from.isBlank() ? null : ConsoleInput.date(from, "from");
        LocalDate last = to == null || to.isBlank() ? null : ConsoleInput.date(to, "to");
        Reports.Period period = Reports.Period.widened(first, last, errors);
        QueryParams.refuseIfAny(errors);
        return period;
    }
}
