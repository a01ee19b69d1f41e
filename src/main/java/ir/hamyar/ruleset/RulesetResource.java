package ir.hamyar.ruleset;

import io.quarkus.security.identity.SecurityIdentity;
import ir.hamyar.json.JsonLimits;
import ir.hamyar.json.StrictJson;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.HttpProblems;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.problem.Problem;
import ir.hamyar.problem.ProblemException;
import ir.hamyar.problem.ProblemResponses;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The ruleset lifecycle of the contract: versions to read, drafts to upload (a zip of a whole tree or changes on a
 * base version), activation and rollback. {@code active} may stand for the active version's number in any path.
 */
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rulesets")
public class RulesetResource {

    static final String ZIP = "application/zip";
    static final String DIFF = "text/x-diff";

    private final RulesetVersions versions;
    private final RulesetDrafts drafts;
    private final RulesetActivator activator;
    private final RulesetApprovals approvals;
    private final ActiveRuleset active;
    private final SecurityIdentity identity;

    public RulesetResource(
            RulesetVersions versions,
            RulesetDrafts drafts,
            RulesetActivator activator,
            RulesetApprovals approvals,
            ActiveRuleset active,
            SecurityIdentity identity) {
        this.versions = versions;
        this.drafts = drafts;
        this.activator = activator;
        this.approvals = approvals;
        this.active = active;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every ruleset version, oldest first")
    public List<RulesetView> listRulesets() {
        return versions.all().stream().map(RulesetView::summary).toList();
    }

    @GET
    @Path("active/indicators")
    @RolesAllowed({Roles.INTAKE, Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The indicator catalogue family profiles are scored against")
    public List<IndicatorView> activeIndicators() {
        return active.current().ruleset().indicators().all().values().stream()
                .map(IndicatorView::of)
                .toList();
    }

    @GET
    @Path("active/rules")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every rule with its package, reasons, policy reference and the parameters it reads")
    public List<RuleView> activeRules() {
        return active.current().ruleset().rules().values().stream()
                .map(RuleView::of)
                .sorted(Comparator.comparing(RuleView::rule))
                .toList();
    }

    @GET
    @Path("active/parameters")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Operation(
            summary = "Every parameter with its description and reference in Persian and English, provenance and"
                    + " dated values")
    public List<ParameterView> activeParameters() {
        return active.current().ruleset().parameters().all().values().stream()
                .map(ParameterView::of)
                .sorted(Comparator.comparing(ParameterView::name))
                .toList();
    }

    @GET
    @Path("{version}")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One version (or 'active'): metadata, validation report and file list")
    public RulesetView rulesetVersion(@PathParam("version") String version) {
        RulesetVersion stored = find(version);
        return RulesetView.detail(stored, versions.files(stored.version()));
    }

    @GET
    @Path("{version}/files/{path: .+}")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The text of one file of a version")
    public byte[] rulesetFile(@PathParam("version") String version, @PathParam("path") String path) {
        int number = find(version).version();
        return versions.file(number, path).orElseThrow(() -> RulesetProblems.unknownFile(number, path));
    }

    @GET
    @Path("{version}/archive")
    @Produces(ZIP)
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "A version's whole tree as a zip, ready to edit and upload again")
    public Response rulesetArchive(@PathParam("version") String version) {
        RulesetVersion stored = find(version);
        return Response.ok(RuleArchives.write(versions.tree(stored.version())), ZIP)
                .header("Content-Disposition", "attachment; filename=\"hamyar-rules-v" + stored.version() + ".zip\"")
                .build();
    }

    @GET
    @Path("{from}/diff/{to}")
    @Produces({MediaType.APPLICATION_JSON, DIFF})
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Per-file unified diff from one version to another (Accept: text/x-diff for one patch)")
    public Response rulesetDiff(
            @PathParam("from") String from,
            @PathParam("to") String to,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        RulesetVersion before = find(from);
        RulesetVersion after = find(to);
        RulesetDiffs.RulesetDiff diff = RulesetDiffs.between(
                before.version(), versions.tree(before.version()), after.version(), versions.tree(after.version()));
        if (accept != null && accept.contains(DIFF) && !accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(RulesetDiffs.patch(diff), DIFF + ";charset=UTF-8")
                    .build();
        }
        return Response.ok(diff, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Consumes(ZIP)
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Operation(summary = "A new draft from a zip of a whole rules tree; validated before it is answered")
    @RequestBody(content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "201",
            description = "The draft, validated: compiled and every scenario passed",
            content = @Content(schema = @Schema(implementation = DraftReport.class)))
    @APIResponse(
            responseCode = "200",
            description = "The same tree is stored already: that version (existing: true)",
            content = @Content(schema = @Schema(implementation = DraftReport.class)))
    @APIResponse(
            responseCode = "422",
            description = "Kept as REJECTED: it does not compile or a scenario fails; the report says where",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = DraftReport.class)))
    public Response draftFromArchive(byte[] body, @QueryParam("comment") String comment) {
        checkSize(body);
        List<FieldError> errors = new ArrayList<>();
        String checkedComment = RulesetChanges.comment(comment, "comment", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the comment is too long", errors);
        }
        return created(drafts.create(RuleArchives.read(body), "zip upload", actor(), checkedComment));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Operation(summary = "A new draft from changes on top of a base version (null deletes a file)")
    @APIResponse(
            responseCode = "201",
            description = "The draft, validated: compiled and every scenario passed",
            content = @Content(schema = @Schema(implementation = DraftReport.class)))
    @APIResponse(
            responseCode = "422",
            description = "Kept as REJECTED: it does not compile or a scenario fails; the report says where",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = DraftReport.class)))
    public Response draftFromChanges(byte[] body) {
        checkSize(body);
        return created(drafts.fromChanges(RulesetChanges.parse(body), actor()));
    }

    @POST
    @Path("{version}/activate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Operation(summary = "Make a validated draft, or a retired version (rollback), the active one on every replica")
    public RulesetView activateVersion(@PathParam("version") String version, byte[] body) {
        int number = find(version).version();
        String comment = comment(body, true);
        return RulesetView.summary(activator.activate(number, actor(), comment));
    }

    @POST
    @Path("{version}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Operation(
            summary = "Approve a draft (four eyes): by a policy user other than its author; the comment is optional",
            description = "403 when the approver is the draft's author; 409 unless the version is a DRAFT or when this"
                    + " user approved it already. With hamyar.rules.approvals-required approvals a draft may be"
                    + " activated.")
    public RulesetView approveVersion(@PathParam("version") String version, byte[] body) {
        int number = find(version).version();
        String comment = comment(body, false);
        return RulesetView.summary(approvals.approve(number, actor(), comment));
    }

    @ServerExceptionMapper
    public Response refused(RulesetActivator.RulesetRefusedException e) {
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(e.report()).build();
    }

    private Response created(DraftReport report) {
        int status = report.httpStatus(report.existing() ? 200 : 201);
        Response.ResponseBuilder response = Response.status(status)
                .type(status == 422 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                .entity(report);
        if (status == 201) {
            response.location(URI.create("/api/v1/rulesets/" + report.version()));
        }
        return response.build();
    }

    /** The comment of an activation (required: why this version goes live) or an approval (optional). */
    private static String comment(byte[] body, boolean required) {
        List<FieldError> errors = new ArrayList<>();
        CommentRequest request = body.length == 0 && !required
                ? new CommentRequest(null)
                : StrictJson.bind(StrictJson.parse(body, JsonLimits.PROFILE), CommentRequest.class, "", errors);
        if (request == null) {
            throw new InvalidInputException(new FieldError("", "must be an object with a comment"));
        }
        String comment = RulesetChanges.comment(request.comment(), required, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the request does not meet the contract", errors);
        }
        return comment;
    }

    /** The body of an activation or approval: why. */
    public record CommentRequest(String comment) {}

    private RulesetVersion find(String version) {
        int number = active.number(version);
        return versions.find(number).orElseThrow(() -> RulesetProblems.unknownVersion(number));
    }

    private static void checkSize(byte[] body) {
        if (body.length > HttpProblems.BULK_LIMIT) {
            throw new ProblemException(ProblemResponses.tooLarge(HttpProblems.BULK_LIMIT));
        }
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
