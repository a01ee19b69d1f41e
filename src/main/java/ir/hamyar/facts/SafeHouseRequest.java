package ir.hamyar.facts;

import ir.hamyar.calendar.SolarHijri;
import java.time.LocalDate;

/** A request for a safe-house place for the applicant member, with the children in her custody. */
public final class SafeHouseRequest {

    private final String applicantRef;
    private final LocalDate admissionOn;
    private final int requestedMonths;
    private final boolean immediateDanger;

    public SafeHouseRequest(String applicantRef, LocalDate admissionOn, int requestedMonths, boolean immediateDanger) {
        this.applicantRef = applicantRef;
        this.admissionOn = admissionOn;
        this.requestedMonths = requestedMonths;
        this.immediateDanger = immediateDanger;
    }

    public String getApplicantRef() {
        return applicantRef;
    }

    public LocalDate getAdmissionOn() {
        return admissionOn;
    }

    public int getRequestedMonths() {
        return requestedMonths;
    }

    public boolean isImmediateDanger() {
        return immediateDanger;
    }

    /** Admission day plus {@code months} Solar Hijri months. */
    public LocalDate admissionPlusMonths(int months) {
        return SolarHijri.plusMonths(admissionOn, months);
    }
}
