package ir.hamyar.audit;

import ir.hamyar.problem.FieldError;
import ir.hamyar.query.Page;
import ir.hamyar.query.PageRequest;
import ir.hamyar.query.QueryParams;
import ir.hamyar.query.QueryParams.Period;
import ir.hamyar.ruleset.RulesetAction;
import ir.hamyar.ruleset.RulesetEvent;
import ir.hamyar.ruleset.RulesetEvents;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who created, rejected, activated or rolled back which ruleset version, when and why. */
@Path("/api/v1/audit/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditEventResource {

    private final RulesetEvents events;

    public AuditEventResource(RulesetEvents events) {
        this.events = events;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(
            summary = "Ruleset events, newest first",
            description = "from/to: an ISO date (a day in Asia/Tehran; to is inclusive) or an ISO date-time")
    public Page<RulesetEvent> listRulesetEvents(
            @QueryParam("version") String version,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        Integer number = QueryParams.integer(version, "version", null, errors);
        RulesetAction wanted = null;
        if (action != null) {
            try {
                wanted = RulesetAction.valueOf(action);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("action", "must be one of " + RulesetAction.names()));
            }
        }
        Period period = QueryParams.period(from, to, errors);
        PageRequest pageRequest = PageRequest.of(page, size, errors);
        QueryParams.refuseIfAny(errors);
        return events.find(new RulesetEvents.Filter(number, wanted, period.from(), period.to()), pageRequest);
    }
}
