package ir.hamyar.report;

import io.quarkus.security.identity.SecurityIdentity;
import ir.hamyar.problem.FieldError;
import ir.hamyar.query.QueryParams;
import ir.hamyar.security.Caller;
import ir.hamyar.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Aggregate reports for programme managers, auditors and administrators (contract v1.1), over the caller's
 * organisation (or every organisation for {@code *}); JSON, or CSV with {@code Accept: text/csv}.
 */
@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, ReportResource.CSV})
@Tag(name = "Reports")
@RolesAllowed({Roles.MANAGER, Roles.AUDITOR, Roles.ADMIN})
public class ReportResource {

    static final String CSV = "text/csv";
    private static final String PERIOD = "from, to: ISO dates (days in Asia/Tehran, both included), whole Solar Hijri"
            + " months: from a month's first day, to a month's last; by default this Solar Hijri year to the end of this"
            + " month. Counts from 1 to 4 are \"<5\"; a count that would give a small one away by its difference from"
            + " another period's is \"x\".";

    private final Reports reports;
    private final SecurityIdentity identity;

    public ReportResource(Reports reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    @Path("tiers")
    @Operation(
            summary = "Families by their latest TIER in each Solar Hijri month or quarter",
            description = PERIOD + " interval: month (default) or quarter (then from and to whole quarters too).")
    @APIResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response tiers(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("interval") String interval,
            @Context HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        Reports.Period period = period(from, to, errors);
        boolean quarters = "quarter".equals(interval);
        if (interval != null && !quarters && !"month".equals(interval)) {
            errors.add(new FieldError("interval", "must be month or quarter"));
        } else if (quarters && errors.isEmpty()) {
            period.requireWholeQuarters(errors);
        }
        QueryParams.refuseIfAny(errors);
        return answer(reports.tiers(period, quarters, scope()), headers);
    }

    @GET
    @Path("transitions")
    @Operation(
            summary = "Families with two or more TIER decisions in the period, by first and latest TIER",
            description = PERIOD + " Rows are the first TIER, columns the latest.")
    @APIResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response transitions(
            @QueryParam("from") String from, @QueryParam("to") String to, @Context HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        Reports.Period period = period(from, to, errors);
        QueryParams.refuseIfAny(errors);
        return answer(reports.transitions(period, scope()), headers);
    }

    @GET
    @Path("safehouse")
    @Operation(
            summary = "Safe-house requests by SAFE_HOUSE value and STAY value, and sons NOT_ALLOWED to accompany",
            description = PERIOD)
    @APIResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response safeHouse(
            @QueryParam("from") String from, @QueryParam("to") String to, @Context HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        Reports.Period period = period(from, to, errors);
        QueryParams.refuseIfAny(errors);
        return answer(reports.safeHouse(period, scope()), headers);
    }

    @GET
    @Path("visits")
    @Operation(
            summary = "Per Solar Hijri month and organisation, families whose recorded last home visit falls in it,"
                    + " against the monthly target",
            description = PERIOD + " The month of a visit is that of lastHomeVisitOn as the decisions recorded it; a"
                    + " family counts once a month. The target is casework.monthlyVisitTarget of the active version.")
    @APIResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response visits(@QueryParam("from") String from, @QueryParam("to") String to, @Context HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        Reports.Period period = period(from, to, errors);
        QueryParams.refuseIfAny(errors);
        return answer(reports.visits(period, scope()), headers);
    }

    private Caller.Scope scope() {
        return Caller.of(identity).scope();
    }

    private static Response answer(Report report, HttpHeaders headers) {
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .findFirst()
                .map(type -> type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType())
                .orElse(false);
        return csv
                ? csv(report)
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The report as a CSV download named after it and its period. */
    public static Response csv(Report report) {
        return Response.ok(ReportCsv.of(report), CSV + "; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"hamyar-" + report.report() + "-" + report.fromJalali() + "-"
                                + report.toJalali() + ".csv\"")
                .build();
    }

    /** The report's whole months: given, or this Solar Hijri year; at most {@link Intervals#MAX} months. */
    static Reports.Period period(String from, String to, List<FieldError> errors) {
        return Reports.Period.of(day(from, "from", errors), day(to, "to", errors), errors);
    }

    private static LocalDate day(String text, String field, List<FieldError> errors) {
        String value = QueryParams.text(text, field, errors);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO date (YYYY-MM-DD)"));
            return null;
        }
    }
}
