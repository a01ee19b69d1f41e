package ir.hamyar.profile;

import ir.hamyar.calendar.CalendarSystem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A family helper volunteer, as the contract defines it. */
@Schema(name = "HelperProfile")
public record HelperProfile(
        @NotNull @Pattern(regexp = Refs.PATTERN, message = Refs.MESSAGE) String helperRef,
        CalendarSystem calendar,
        @Schema(pattern = WireDates.PATTERN, description = WireDates.DESCRIPTION) String assessedOn,
        @Schema(pattern = WireDates.PATTERN, description = WireDates.DESCRIPTION) String serviceYearStartedOn,
        @NotNull @Min(0) @Max(2000) Integer preServiceTrainingHours,
        @NotNull @Min(0) @Max(2000) Integer inServiceTrainingHours,
        @NotNull @Min(0) @Max(500) Integer focusedFamilies) {}
