package ir.hamyar.audit;

import io.quarkus.security.identity.SecurityIdentity;
import ir.hamyar.json.JsonLimits;
import ir.hamyar.json.StrictJson;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.security.Caller;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/rulesets/{version}/impact}: see {@link Impact}. */
@Path("/api/v1/rulesets/{version}/impact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rulesets")
public class ImpactResource {

    private final Impact impact;
    private final ActiveRuleset active;
    private final SecurityIdentity identity;

    public ImpactResource(Impact impact, ActiveRuleset active, SecurityIdentity identity) {
        this.impact = impact;
        this.active = active;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Operation(
            summary = "Replay the most recent decisions of your scope (limit, default 1000) under a version and report"
                    + " changes: counts and transitions; the changed decisions only to an auditor (recorded as read)")
    public Impact.Report rulesetImpact(@PathParam("version") String version, byte[] body) {
        return impact.of(active.number(version), limit(body), Caller.of(identity), identity.hasRole(Roles.AUDITOR));
    }

    private static int limit(byte[] body) {
        if (body == null || body.length == 0) {
            return Impact.DEFAULT_LIMIT;
        }
        List<FieldError> errors = new ArrayList<>();
        ImpactRequest request =
                StrictJson.bind(StrictJson.parse(body, JsonLimits.PROFILE), ImpactRequest.class, "", errors);
        if (request == null) {
            errors.add(new FieldError("", "must be an object"));
        } else if (request.limit() != null && (request.limit() < 1 || request.limit() > Impact.MAX_LIMIT)) {
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + Impact.MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the impact request does not meet the contract", errors);
        }
        return request.limit() == null ? Impact.DEFAULT_LIMIT : request.limit();
    }

    /** The body of an impact request: how many of the latest decisions to replay. */
    public record ImpactRequest(Integer limit) {}
}
