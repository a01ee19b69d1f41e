package ir.hamyar.decision;

import ir.hamyar.problem.DomainException;
import ir.hamyar.problem.Problem;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/rulesets/{version}/evaluate/{kind}}: see {@link DryRun}. */
@Path("/api/v1/rulesets/{version}/evaluate/{kind}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rulesets")
public class DryRunResource {

    private final DryRun dryRun;
    private final ActiveRuleset active;

    public DryRunResource(DryRun dryRun, ActiveRuleset active) {
        this.dryRun = dryRun;
        this.active = active;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Operation(
            summary = "What a version (a number or 'active'; drafts included) would decide for a profile; nothing is"
                    + " recorded")
    @RequestBody(
            required = true,
            description = "a family, group or helper profile, as for the decision endpoints",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DryRunResponse.class)))
    @APIResponse(
            responseCode = "422",
            description = "The rules failed or looped on this profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DryRunResponse evaluateProfile(
            @PathParam("version") String version,
            @Parameter(schema = @Schema(enumeration = {"family", "group", "helper"})) @PathParam("kind") String kind,
            byte[] body) {
        ProfileKind profileKind = ProfileKind.fromWireName(kind).orElseThrow(DomainException.NotFound::new);
        return dryRun.evaluate(active.number(version), profileKind, body);
    }
}
