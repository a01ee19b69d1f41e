package ir.hamyar.profile;

import ir.hamyar.calendar.CalendarSystem;
import ir.hamyar.profile.Enums.CaseworkCategory;
import ir.hamyar.profile.Enums.Circumstance;
import ir.hamyar.profile.Enums.Role;
import ir.hamyar.profile.Enums.Sex;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A family profile exactly as the contract defines it; dates are text until the calendar is known. */
@Schema(name = "FamilyProfile")
public record FamilyProfile(
        @NotNull @Pattern(regexp = Refs.PATTERN, message = Refs.MESSAGE) String familyRef,
        CalendarSystem calendar,
        @Schema(pattern = WireDates.PATTERN, description = WireDates.DESCRIPTION) String assessedOn,
        @NotNull @Size(min = 1, max = 30) List<@NotNull @Valid Member> members,
        @Schema(
                        description = "indicator code -> score 1-5, or null for not applicable; absent = not answered",
                        additionalProperties = IndicatorScore.class)
                Map<String, Integer> indicators,
        List<@NotNull Circumstance> circumstances,
        @Valid SafeHouse safeHouse,
        @Valid Casework casework) {

    /** A score of the family assessment, for the API description: 1 in crisis to 5 empowered, null not applicable. */
    @Schema(name = "IndicatorScore", type = SchemaType.INTEGER, minimum = "1", maximum = "5", nullable = true)
    public interface IndicatorScore {}

    @Schema(name = "FamilyMember")
    public record Member(
            @NotNull @Pattern(regexp = Refs.PATTERN, message = Refs.MESSAGE) String ref,
            @NotNull Role role,
            @NotNull Sex sex,
            @NotNull @Schema(pattern = WireDates.PATTERN, description = WireDates.DESCRIPTION) String birthDate,
            @Schema(defaultValue = "true") Boolean inCustody) {}

    @Schema(name = "SafeHouseRequest")
    public record SafeHouse(
            @NotNull String applicantRef,
            @NotNull @Schema(pattern = WireDates.PATTERN, description = WireDates.DESCRIPTION) String admissionOn,
            @Min(1) @Max(24) @Schema(defaultValue = "4") Integer requestedMonths,
            @Schema(defaultValue = "false") Boolean immediateDanger) {}

    @Schema(name = "Casework")
    public record Casework(
            @NotNull CaseworkCategory category,
            @Min(0) @Max(10_000_000) Integer monthlyPensionToman,
            @Schema(pattern = WireDates.PATTERN, description = WireDates.DESCRIPTION) String lastPensionChangeOn,
            @Schema(pattern = WireDates.PATTERN, description = WireDates.DESCRIPTION) String lastHomeVisitOn) {}
}
