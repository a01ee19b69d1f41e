package ir.hamyar.facts;

import java.time.LocalDate;

/** A self-help group of care leavers; its members are {@link GroupMember} facts. */
public final class Group {

    private final String ref;
    private final LocalDate assessedOn;
    private final LocalDate startedOn;
    private final LocalDate registeredOn;
    private final LocalDate registrationFiledOn;
    private final boolean facilitatorAssigned;

    public Group(
            String ref,
            LocalDate assessedOn,
            LocalDate startedOn,
            LocalDate registeredOn,
            LocalDate registrationFiledOn,
            boolean facilitatorAssigned) {
        this.ref = ref;
        this.assessedOn = assessedOn;
        this.startedOn = startedOn;
        this.registeredOn = registeredOn;
        this.registrationFiledOn = registrationFiledOn;
        this.facilitatorAssigned = facilitatorAssigned;
    }

    public String getRef() {
        return ref;
    }

    public LocalDate getAssessedOn() {
        return assessedOn;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getRegisteredOn() {
        return registeredOn;
    }

    /** The day the group applied to Behzisti to register; {@code null} while it has not. */
    public LocalDate getRegistrationFiledOn() {
        return registrationFiledOn;
    }

    public boolean isRegistrationFiled() {
        return registrationFiledOn != null;
    }

    public boolean isRegistered() {
        return registeredOn != null;
    }

    public boolean isFacilitatorAssigned() {
        return facilitatorAssigned;
    }
}
