package ir.hamyar.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import ir.hamyar.calendar.IranTime;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.Parameter;
import ir.hamyar.engine.Provenance;
import ir.hamyar.engine.RuleInfo;
import ir.hamyar.problem.DomainException;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.ruleset.DraftReport;
import ir.hamyar.ruleset.ParameterChange;
import ir.hamyar.ruleset.RulesetChanges;
import ir.hamyar.ruleset.RulesetDrafts;
import ir.hamyar.ruleset.RulesetVersions;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;

/** Reading the policy in force (programmes, rules, parameters, indicators) and changing one of its numbers. */
@Path("/console/policy")
@Produces(MediaType.TEXT_HTML)
public class PolicyPages {

    private static final String ASSUMPTIONS = "assumptions";

    private final ConsoleRequest console;
    private final ActiveRuleset active;
    private final RulesetVersions versions;
    private final RulesetDrafts drafts;
    private final Template programmes;
    private final Template programme;
    private final Template parameter;
    private final Template indicators;

    public PolicyPages(
            ConsoleRequest console,
            ActiveRuleset active,
            RulesetVersions versions,
            RulesetDrafts drafts,
            @Location("console/programmes.html") Template programmes,
            @Location("console/programme.html") Template programme,
            @Location("console/parameter.html") Template parameter,
            @Location("console/indicators.html") Template indicators) {
        this.console = console;
        this.active = active;
        this.versions = versions;
        this.drafts = drafts;
        this.programmes = programmes;
        this.programme = programme;
        this.parameter = parameter;
        this.indicators = indicators;
    }

    @GET
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance programmes() {
        Map<String, Counts> programmes = new TreeMap<>();
        ruleset()
                .rules()
                .values()
                .forEach(rule -> programmes.merge(programmeOf(rule.id()), Counts.of(rule.provenance()), Counts::plus));
        ruleset()
                .parameters()
                .all()
                .values()
                .forEach(parameter -> programmes.merge(
                        ConsoleFormat.programmeOfParameter(parameter.name()),
                        Counts.of(parameter.provenance()).notARule(),
                        Counts::plus));
        return this.programmes
                .data("c", console)
                .data("version", active.current().version())
                .data("programmes", programmes);
    }

    @GET
    @Path("{programme}")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance programme(@PathParam("programme") String name, @QueryParam("show") String show) {
        boolean assumptionsOnly = ASSUMPTIONS.equals(show);
        List<RuleInfo> rules = ruleset().rules().values().stream()
                .filter(rule -> programmeOf(rule.id()).equals(name))
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
        List<ParameterView> parameters = ruleset().parameters().all().values().stream()
                .filter(p -> p.name().startsWith(name + "."))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .map(ParameterView::of)
                .toList();
        if (rules.isEmpty() && parameters.isEmpty()) {
            throw new DomainException.NotFound("there is no programme " + name);
        }
        return programme
                .data("c", console)
                .data("name", name)
                .data("version", active.current().version())
                .data("assumptionsOnly", assumptionsOnly)
                .data(
                        "rules",
                        assumptionsOnly
                                ? rules.stream()
                                        .filter(r -> notProgramme(r.provenance()))
                                        .toList()
                                : rules)
                .data(
                        "parameters",
                        assumptionsOnly
                                ? parameters.stream()
                                        .filter(p -> notProgramme(p.parameter().provenance()))
                                        .toList()
                                : parameters);
    }

    @GET
    @Path("parameters/{name}")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance parameter(@PathParam("name") String name) {
        Parameter found = find(name);
        List<RuleInfo> readers = ruleset().rules().values().stream()
                .filter(rule -> rule.parameters().contains(name))
                .toList();
        return parameter
                .data("c", console)
                .data("version", active.current().version())
                .data("p", ParameterView.of(found))
                .data("readers", readers);
    }

    /** "A new value from date D": a draft on top of the active version, then its validation report. */
    @POST
    @Path("parameters/{name}")
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    public Response changeParameter(
            @PathParam("name") String name,
            @RestForm String from,
            @RestForm String value,
            @RestForm String comment,
            @RestForm(ConsoleRequest.CSRF_FIELD) String csrf) {
        console.requireCsrf(csrf);
        find(name);
        int base = active.current().version();
        LocalDate effective = ConsoleInput.date(from, "from");
        BigDecimal number = ConsoleInput.number(value, "value");
        Map.Entry<String, String> file = new ParameterChange(name, effective, number).applyTo(versions.tree(base));
        DraftReport report = drafts.fromChanges(
                RulesetChanges.of(base, Map.of(file.getKey(), file.getValue()), ConsoleInput.text(comment)),
                console.getUser());
        return Response.seeOther(URI.create("/console/versions/" + report.version()))
                .build();
    }

    @GET
    @Path("indicators")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance indicators() {
        return indicators
                .data("c", console)
                .data("version", active.current().version())
                .data("indicators", ruleset().indicators().all().values());
    }

    private Parameter find(String name) {
        Parameter found = ruleset().parameters().all().get(name);
        if (found == null) {
            throw new DomainException.NotFound("there is no parameter " + name);
        }
        return found;
    }

    private CompiledRuleset ruleset() {
        return active.current().ruleset();
    }

    /** An assumption of ours, or a provenance nobody stated: what the programmes are asked to confirm. */
    private static boolean notProgramme(Provenance provenance) {
        return provenance == null || provenance.assumption();
    }

    static String programmeOf(String ruleId) {
        int slash = ruleId.lastIndexOf('/');
        return slash < 0 ? "" : ruleId.substring(0, slash);
    }

    /** A parameter with its dated values as a timeline; the value in force today marked. */
    public record ParameterView(Parameter parameter, List<Step> timeline, BigDecimal today) {

        static ParameterView of(Parameter parameter) {
            LocalDate today = IranTime.today();
            LocalDate inForce = parameter.values().floorKey(today);
            List<Step> steps = new ArrayList<>();
            parameter
                    .values()
                    .forEach((from, value) ->
                            steps.add(new Step(from, value, from.equals(inForce), from.isAfter(today))));
            return new ParameterView(
                    parameter,
                    steps,
                    inForce == null ? null : parameter.values().get(inForce));
        }
    }

    /** A programme's rules, and how many of its rules and parameters no programme text decided. */
    public record Counts(int rules, int assumptions) {

        static Counts of(Provenance provenance) {
            return new Counts(1, notProgramme(provenance) ? 1 : 0);
        }

        Counts notARule() {
            return new Counts(0, assumptions);
        }

        Counts plus(Counts other) {
            return new Counts(rules + other.rules, assumptions + other.assumptions);
        }
    }

    /** One dated value: from when, how much, whether it is in force today or still to come. */
    public record Step(LocalDate from, BigDecimal value, boolean inForce, boolean future) {}
}
