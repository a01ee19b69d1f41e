package ir.hamyar.ruleset;

import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the active ruleset asks for and decides with: its indicator catalogue and its rules. */
@Path("/api/v1/rulesets/active")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rulesets")
public class ActiveRulesetResource {

    private final ActiveRuleset active;

    public ActiveRulesetResource(ActiveRuleset active) {
        this.active = active;
    }

    @GET
    @Path("indicators")
    @RolesAllowed({Roles.INTAKE, Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The indicator catalogue family profiles are scored against")
    public List<IndicatorView> indicators() {
        return active.current().ruleset().indicators().all().values().stream()
                .map(IndicatorView::of)
                .toList();
    }

    @GET
    @Path("rules")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Every rule with its package, reasons, policy reference and the parameters it reads")
    public List<RuleView> rules() {
        return active.current().ruleset().rules().values().stream()
                .map(RuleView::of)
                .sorted(java.util.Comparator.comparing(RuleView::rule))
                .toList();
    }
}
