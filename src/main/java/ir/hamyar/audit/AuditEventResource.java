package ir.hamyar.audit;

import ir.hamyar.problem.FieldError;
import ir.hamyar.ruleset.RulesetAction;
import ir.hamyar.ruleset.RulesetEvents;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who created, rejected, activated or rolled back which ruleset version, when and why. */
@Path("/api/v1/audit/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditEventResource {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private final RulesetEvents events;

    public AuditEventResource(RulesetEvents events) {
        this.events = events;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(
            summary = "Ruleset events, newest first",
            description = "from/to: an ISO date (a day in Asia/Tehran; to is inclusive) or an ISO date-time")
    public RulesetEvents.Page list(
            @QueryParam("version") Integer version,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        List<FieldError> errors = new ArrayList<>();
        RulesetAction wanted = null;
        if (action != null) {
            try {
                wanted = RulesetAction.valueOf(action);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("action", "must be one of CREATED, REJECTED, ACTIVATED, ROLLED_BACK"));
            }
        }
        OffsetDateTime start = instant(from, false, "from", errors);
        OffsetDateTime end = instant(to, true, "to", errors);
        AuditResource.checkPage(page, size, errors);
        return events.find(new RulesetEvents.Filter(version, wanted, start, end), page, size);
    }

    /** A date means its whole day in Tehran: from its start, or (as an end) up to the start of the next day. */
    static OffsetDateTime instant(String text, boolean end, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(TEHRAN).toOffsetDateTime();
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO date (YYYY-MM-DD) or date-time with offset"));
            return null;
        }
    }
}
