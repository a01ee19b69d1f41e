package ir.hamyar.facts;

import java.time.LocalDate;

public record SafeHouseRequest(String applicantRef, LocalDate admissionOn, int requestedMonths, boolean immediateDanger) {

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

    public LocalDate admissionPlusMonths(int months) {
        return PersianDates.plusMonths(admissionOn, months);
    }
}
