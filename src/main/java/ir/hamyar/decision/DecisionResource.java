package ir.hamyar.decision;

import io.quarkus.security.identity.SecurityIdentity;
import ir.hamyar.ledger.OverrideView;
import ir.hamyar.problem.HttpProblems;
import ir.hamyar.problem.Problem;
import ir.hamyar.problem.ProblemException;
import ir.hamyar.problem.ProblemResponses;
import ir.hamyar.profile.FamilyProfile;
import ir.hamyar.profile.GroupProfile;
import ir.hamyar.profile.HelperProfile;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.security.Caller;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The decision endpoints of the contract. Bodies are read as bytes so that they are parsed strictly, once. */
@Path("/api/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
@APIResponse(
        responseCode = "400",
        description = "Invalid input",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DecisionResource {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    private final DecisionService decisions;
    private final Overrides overrides;
    private final SecurityIdentity identity;

    public DecisionResource(DecisionService decisions, Overrides overrides, SecurityIdentity identity) {
        this.decisions = decisions;
        this.overrides = overrides;
        this.identity = identity;
    }

    @POST
    @Path("family")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Decide for a family profile")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FamilyProfile.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DecisionResponse.class)))
    @Parameter(
            name = IDEMPOTENCY_KEY,
            in = ParameterIn.HEADER,
            description = "1-64 chars [A-Za-z0-9._:-]; a resend with the same key and body returns the same decision",
            schema = @Schema(type = SchemaType.STRING, pattern = IdempotencyKeys.PATTERN))
    public CompletionStage<Response> decideFamily(byte[] body, @Context HttpHeaders headers) {
        return decide(ProfileKind.FAMILY, body, headers);
    }

    @POST
    @Path("group")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Decide for a care leavers' self-help group")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = GroupProfile.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DecisionResponse.class)))
    @Parameter(
            name = IDEMPOTENCY_KEY,
            in = ParameterIn.HEADER,
            description = "as for family decisions",
            schema = @Schema(type = SchemaType.STRING, pattern = IdempotencyKeys.PATTERN))
    public CompletionStage<Response> decideGroup(byte[] body, @Context HttpHeaders headers) {
        return decide(ProfileKind.GROUP, body, headers);
    }

    @POST
    @Path("helper")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Decide for a family helper volunteer")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = HelperProfile.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DecisionResponse.class)))
    @Parameter(
            name = IDEMPOTENCY_KEY,
            in = ParameterIn.HEADER,
            description = "as for family decisions",
            schema = @Schema(type = SchemaType.STRING, pattern = IdempotencyKeys.PATTERN))
    public CompletionStage<Response> decideHelper(byte[] body, @Context HttpHeaders headers) {
        return decide(ProfileKind.HELPER, body, headers);
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Decide up to 500 profiles; each result is a decision or a problem, in request order")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BatchRequest.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    public Response decideBatch(byte[] body) {
        checkSize(body, HttpProblems.BULK_LIMIT);
        return Response.ok(decisions.batch(body, Caller.of(identity))).build();
    }

    @GET
    @Path("{decisionId}")
    @RolesAllowed({Roles.INTAKE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(
            summary = "A recorded decision (intake and auditors: their organisation's; * and admin: any)",
            description = "Another organisation's decision is 404, as one that does not exist. A user configured"
                    + " without an organisation: intake reads its own decisions, auditors any. An auditor's or an"
                    + " admin's read is recorded in \"who looked\".")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DecisionResponse.class)))
    public Response recordedDecision(@PathParam("decisionId") String decisionId) {
        return decisions
                .find(decisionId, Caller.of(identity), identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.ADMIN))
                .map(json -> Response.ok(json).build())
                .orElseGet(() -> ProblemResponses.of(ProblemResponses.notFound()));
    }

    @POST
    @Path("{decisionId}/overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTAKE, Roles.ADMIN})
    @Operation(
            summary = "A caseworker decides otherwise than one conclusion, and says why (intake: its organisation's)",
            description = "The conclusion (type, subject) must be in the decision, value one of that type's values"
                    + " and not the one in force; reason 10-2000 characters. Recorded on the tamper-evident"
                    + " override chain; it changes no rule. A resend under the same Idempotency-Key answers the"
                    + " override on record (200, Idempotent-Replayed: true); with another body it is 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OverrideRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "The override, on record",
            content = @Content(schema = @Schema(implementation = OverrideView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The override recorded earlier under the same Idempotency-Key",
            content = @Content(schema = @Schema(implementation = OverrideView.class)))
    @Parameter(
            name = IDEMPOTENCY_KEY,
            in = ParameterIn.HEADER,
            description = "1-64 chars [A-Za-z0-9._:-]; a resend with the same key and body returns the same override",
            schema = @Schema(type = SchemaType.STRING, pattern = IdempotencyKeys.PATTERN))
    public Response overrideConclusion(
            @PathParam("decisionId") String decisionId, byte[] body, @Context HttpHeaders headers) {
        checkSize(body, HttpProblems.DECISION_LIMIT);
        Overrides.Made made = overrides.override(decisionId, body, idempotencyKey(headers), Caller.of(identity));
        return Response.status(made.resent() ? 200 : 201)
                .entity(OverrideView.of(made.stored()))
                .header(REPLAYED, made.resent())
                .build();
    }

    /** Runs on the event loop: deciding does not block, and the answer is sent once the decision is on record. */
    private CompletionStage<Response> decide(ProfileKind kind, byte[] body, HttpHeaders headers) {
        checkSize(body, HttpProblems.DECISION_LIMIT);
        return decisions
                .decide(kind, body, idempotencyKey(headers), Caller.of(identity))
                .thenApply(answer -> Response.ok(answer.json().utf8())
                        .header(REPLAYED, answer.replayed())
                        .header("Server-Timing", answer.serverTiming())
                        .build());
    }

    /** The key as sent, an empty one included (a header parameter would turn it into none). */
    private static String idempotencyKey(HttpHeaders headers) {
        List<String> keys = headers.getRequestHeader(IDEMPOTENCY_KEY);
        return keys == null || keys.isEmpty() ? null : keys.get(0);
    }

    /** Bodies sent without a Content-Length (chunked) are measured once read. */
    private static void checkSize(byte[] body, long limit) {
        if (body != null && body.length > limit) {
            throw new ProblemException(ProblemResponses.tooLarge(limit));
        }
    }
}
