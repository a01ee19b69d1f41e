package ir.hamyar.facts;

import ir.hamyar.calendar.SolarHijri;
import java.time.LocalDate;

/** A young person in a care leavers' group. */
public final class GroupMember {

    private final String ref;
    private final LocalDate birthDate;
    private final String careStatus;
    private final boolean maturityRuling;
    private final boolean committeeApproved;

    public GroupMember(
            String ref, LocalDate birthDate, String careStatus, boolean maturityRuling, boolean committeeApproved) {
        this.ref = ref;
        this.birthDate = birthDate;
        this.careStatus = careStatus;
        this.maturityRuling = maturityRuling;
        this.committeeApproved = committeeApproved;
    }

    public String getRef() {
        return ref;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getCareStatus() {
        return careStatus;
    }

    public boolean isMaturityRuling() {
        return maturityRuling;
    }

    public boolean isCommitteeApproved() {
        return committeeApproved;
    }

    public int ageOn(LocalDate date) {
        return SolarHijri.ageOn(birthDate, date);
    }

    public LocalDate birthday(int age) {
        return SolarHijri.birthday(birthDate, age);
    }
}
