package ir.hamyar.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import ir.hamyar.audit.Impact;
import ir.hamyar.engine.CompileProblem;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.ledger.DecisionRecords;
import ir.hamyar.ledger.StoredDecision;
import ir.hamyar.problem.DomainException;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.query.PageRequest;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.ruleset.DraftReport;
import ir.hamyar.ruleset.RuleArchives;
import ir.hamyar.ruleset.RulesConfig;
import ir.hamyar.ruleset.RulesetActivator;
import ir.hamyar.ruleset.RulesetApprovals;
import ir.hamyar.ruleset.RulesetChanges;
import ir.hamyar.ruleset.RulesetDiffs;
import ir.hamyar.ruleset.RulesetDrafts;
import ir.hamyar.ruleset.RulesetEvents;
import ir.hamyar.ruleset.RulesetStatus;
import ir.hamyar.ruleset.RulesetVersion;
import ir.hamyar.ruleset.RulesetVersions;
import ir.hamyar.security.Caller;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Versions as policy staff work with them: the history, one version's validation report, its files (read, edit,
 * add, delete, upload a zip: each a new draft), its diff, its impact on recorded decisions, approval, activation and
 * rollback. Every action goes through the same services as the API, so the events show who did what.
 */
@Path("/console/versions")
@Produces(MediaType.TEXT_HTML)
public class VersionPages {

    private static final int SHOWN_CHANGES = 200;
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");

    private final ConsoleRequest console;
    private final RulesetVersions versions;
    private final RulesetDrafts drafts;
    private final RulesetApprovals approvals;
    private final RulesetActivator activator;
    private final RulesetEvents events;
    private final ActiveRuleset active;
    private final Impact impact;
    private final DecisionRecords records;
    private final int approvalsRequired;
    private final Template list;
    private final Template detail;
    private final Template file;
    private final Template diff;
    private final Template impactPage;

    public VersionPages(
            ConsoleRequest console,
            RulesetVersions versions,
            RulesetDrafts drafts,
            RulesetApprovals approvals,
            RulesetActivator activator,
            RulesetEvents events,
            ActiveRuleset active,
            Impact impact,
            DecisionRecords records,
            RulesConfig config,
            @Location("console/versions.html") Template list,
            @Location("console/version.html") Template detail,
            @Location("console/file.html") Template file,
            @Location("console/diff.html") Template diff,
            @Location("console/impact.html") Template impactPage) {
        this.console = console;
        this.versions = versions;
        this.drafts = drafts;
        this.approvals = approvals;
        this.activator = activator;
        this.events = events;
        this.active = active;
        this.impact = impact;
        this.records = records;
        this.approvalsRequired = config.approvalsRequired();
        this.list = list;
        this.detail = detail;
        this.file = file;
        this.diff = diff;
        this.impactPage = impactPage;
    }

    @GET
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance history() {
        List<RulesetVersion> all = new ArrayList<>(versions.all());
        Collections.reverse(all);
        return list.data("c", console)
                .data("versions", all)
                .data(
                        "events",
                        events.find(new RulesetEvents.Filter(null, null, null, null), new PageRequest(0, 50))
                                .items());
    }

    @GET
    @Path("{version}")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance version(@PathParam("version") int number) {
        RulesetVersion version = find(number);
        String user = console.getUser();
        return detail.data("c", console)
                .data("v", version)
                .data("files", versions.files(number))
                .data("errors", errorLines(version))
                .data(
                        "compiles",
                        !version.broken()
                                && (version.report() == null || version.report().compiled()))
                .data("activeVersion", active.current().version())
                .data("approvalsRequired", approvalsRequired)
                .data("isAuthor", version.createdBy().equals(user))
                .data("approvedByMe", version.approvals().stream().anyMatch(a -> a.by().equals(user)))
                .data("draft", version.status() == RulesetStatus.DRAFT)
                .data("retired", version.status() == RulesetStatus.RETIRED && version.hasFiles());
    }

    @POST
    @Path("{version}/approve")
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    public Response approve(
            @PathParam("version") int number,
            @RestForm String comment,
            @RestForm(ConsoleRequest.CSRF_FIELD) String csrf) {
        console.requireCsrf(csrf);
        approvals.approve(number, console.getUser(), comment(comment, false));
        return back(number);
    }

    @POST
    @Path("{version}/activate")
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    public Response activate(
            @PathParam("version") int number,
            @RestForm String comment,
            @RestForm(ConsoleRequest.CSRF_FIELD) String csrf) {
        console.requireCsrf(csrf);
        activator.activate(number, console.getUser(), comment(comment, true));
        return back(number);
    }

    @GET
    @Path("{version}/impact")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance impact(@PathParam("version") int number) {
        RulesetVersion version = find(number);
        Impact.Report report = impact.of(number, Impact.DEFAULT_LIMIT, console.caller(), console.isAuditor());
        List<ChangedDecision> changes = report.changes() == null
                ? List.of()
                : report.changes().stream()
                        .limit(SHOWN_CHANGES)
                        .map(change -> ChangedDecision.of(change, records, console.caller()))
                        .toList();
        return impactPage
                .data("c", console)
                .data("v", version)
                .data("report", report)
                .data("changes", changes);
    }

    @GET
    @Path("{version}/diff")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance diff(@PathParam("version") int number, @QueryParam("against") Integer against) {
        RulesetVersion after = find(number);
        RulesetVersion before = find(against == null ? active.current().version() : against);
        RulesetDiffs.RulesetDiff changes = RulesetDiffs.between(
                before.version(), versions.tree(before.version()), after.version(), versions.tree(number));
        return diff.data("c", console)
                .data("v", after)
                .data("before", before)
                .data("files", changes.files().stream().map(DiffView::of).toList());
    }

    @GET
    @Path("{version}/files/{path: .+}")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance file(@PathParam("version") int number, @PathParam("path") String path) {
        RulesetVersion version = find(number);
        RuleTree tree = versions.tree(number);
        if (!tree.files().containsKey(path)) {
            throw new DomainException.NotFound("version " + number + " has no file " + path);
        }
        String text = tree.text(path);
        return file.data("c", console)
                .data("v", version)
                .data("path", path)
                .data("text", text)
                .data("lines", numbered(text));
    }

    /** An edited, added or deleted file: a new draft on top of this version. */
    @POST
    @Path("{version}/files")
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    public Response changeFile(
            @PathParam("version") int number,
            @RestForm String path,
            @RestForm String content,
            @RestForm String delete,
            @RestForm String comment,
            @RestForm(ConsoleRequest.CSRF_FIELD) String csrf) {
        console.requireCsrf(csrf);
        find(number);
        if (path == null || path.isBlank()) {
            throw new InvalidInputException(new FieldError("path", "is required: the file's path in the rules tree"));
        }
        Map<String, String> change = new HashMap<>();
        change.put(path.strip(), delete != null ? null : ConsoleInput.text(content == null ? "" : content));
        DraftReport report =
                drafts.fromChanges(RulesetChanges.of(number, change, ConsoleInput.text(comment)), console.getUser());
        return back(report.version());
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    public Response upload(
            @RestForm("archive") FileUpload archive,
            @RestForm String comment,
            @RestForm(ConsoleRequest.CSRF_FIELD) String csrf) {
        console.requireCsrf(csrf);
        if (archive == null || archive.size() == 0) {
            throw new InvalidInputException(new FieldError("archive", "is required: a zip of a whole rules tree"));
        }
        byte[] zip;
        try {
            zip = Files.readAllBytes(archive.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DraftReport report =
                drafts.create(RuleArchives.read(zip), "console upload", console.getUser(), comment(comment, false));
        return back(report.version());
    }

    private static Response back(int version) {
        return Response.seeOther(URI.create("/console/versions/" + version)).build();
    }

    private RulesetVersion find(int number) {
        return versions.find(number)
                .orElseThrow(() -> new DomainException.NotFound("there is no ruleset version " + number));
    }

    private static String comment(String comment, boolean required) {
        return RulesetChanges.comment(ConsoleInput.text(comment), required);
    }

    /** Each compile error with the text of its line, so that it reads without opening the file. */
    private List<ErrorLine> errorLines(RulesetVersion version) {
        if (version.report() == null || version.report().errors().isEmpty()) {
            return List.of();
        }
        RuleTree tree = versions.tree(version.version());
        return version.report().errors().stream()
                .map(problem -> new ErrorLine(problem, lineOf(tree, problem)))
                .toList();
    }

    private static String lineOf(RuleTree tree, CompileProblem problem) {
        if (problem.line() < 1 || !tree.files().containsKey(problem.file())) {
            return null;
        }
        String[] lines = tree.text(problem.file()).split("\n", -1);
        return problem.line() <= lines.length ? lines[problem.line() - 1] : null;
    }

    private static List<Line> numbered(String text) {
        String[] lines = text.split("\n", -1);
        List<Line> numbered = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            Matcher rule = RULE_LINE.matcher(lines[i]);
            numbered.add(new Line(i + 1, lines[i], rule.find() ? rule.group(1) : null));
        }
        return numbered;
    }

    /** A line of a file: its number, text and, where a rule starts, the rule's name (an anchor to link to). */
    public record Line(int number, String text, String rule) {}

    /** A compile error and the text of the line it points at (null when it points at none). */
    public record ErrorLine(CompileProblem problem, String text) {}

    /** A decision the version would decide otherwise, shown to an auditor of its organisation. */
    public record ChangedDecision(
            String decisionId,
            String subjectRef,
            LocalDate assessedOn,
            String before,
            String after,
            Boolean agreesWithOverride) {

        static ChangedDecision of(Impact.Change change, DecisionRecords records, Caller reader) {
            Optional<StoredDecision> stored = records.find(change.decisionId())
                    .filter(decision -> decision.asked().visibleTo(reader));
            return new ChangedDecision(
                    change.decisionId(),
                    stored.map(decision -> decision.asked().subjectRef()).orElse(null),
                    stored.map(decision -> decision.asked().assessedOn()).orElse(null),
                    outcomes(change.before()),
                    outcomes(change.after()),
                    change.agreesWithOverride());
        }

        /** {@code agrees} or {@code differs} for a decision a caseworker overrode; null for one nobody did. */
        public String agreement() {
            return agreesWithOverride == null ? null : agreesWithOverride ? "agrees" : "differs";
        }

        private static String outcomes(JsonNode conclusions) {
            List<String> shown = new ArrayList<>();
            conclusions.forEach(c -> shown.add(c.path("type").asText() + " "
                    + c.path("subject").asText() + " " + c.path("value").asText()));
            return shown.isEmpty() ? "—" : String.join("، ", shown);
        }
    }

    /** A file's unified diff as lines, each with its kind for colouring: added, removed, hunk or context. */
    public record DiffView(String path, String change, List<DiffLine> lines) {

        static DiffView of(RulesetDiffs.FileDiff file) {
            List<DiffLine> lines = new ArrayList<>();
            for (String line : file.diff().split("\n")) {
                String kind = line.startsWith("+++") || line.startsWith("---")
                        ? "head"
                        : line.startsWith("+")
                                ? "added"
                                : line.startsWith("-") ? "removed" : line.startsWith("@@") ? "hunk" : "context";
                lines.add(new DiffLine(kind, line));
            }
            return new DiffView(file.path(), file.change(), lines);
        }
    }

    /** One line of a diff and its kind. */
    public record DiffLine(String kind, String text) {}
}
