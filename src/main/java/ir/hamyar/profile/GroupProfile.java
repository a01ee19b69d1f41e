package ir.hamyar.profile;

import ir.hamyar.calendar.CalendarSystem;
import ir.hamyar.profile.Enums.CareStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A self-help group of care leavers, as the contract defines it. */
@Schema(name = "GroupProfile")
public record GroupProfile(
        @NotNull @Pattern(regexp = Refs.PATTERN, message = Refs.MESSAGE) String groupRef,
        CalendarSystem calendar,
        @Schema(pattern = WireDates.PATTERN, description = WireDates.DESCRIPTION) String assessedOn,
        @NotNull @Schema(pattern = WireDates.PATTERN, description = WireDates.DESCRIPTION) String startedOn,
        @Schema(pattern = WireDates.PATTERN, description = WireDates.DESCRIPTION, nullable = true) String registeredOn,
        @Schema(
                        pattern = WireDates.PATTERN,
                        description = "The day the group applied to Behzisti to register. " + WireDates.DESCRIPTION,
                        nullable = true)
                String registrationFiledOn,
        @Schema(defaultValue = "false") Boolean facilitatorAssigned,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Member> members) {

    @Schema(name = "GroupMember")
    public record Member(
            @NotNull @Pattern(regexp = Refs.PATTERN, message = Refs.MESSAGE) String ref,
            @NotNull @Schema(pattern = WireDates.PATTERN, description = WireDates.DESCRIPTION) String birthDate,
            @NotNull CareStatus careStatus,
            @Schema(defaultValue = "false") Boolean maturityRuling,
            @Schema(defaultValue = "false") Boolean committeeApproved) {}
}
