package ir.hamyar.facts;

import java.time.LocalDate;

/** A family's file at a charity social-work unit: intake category, pension and home visits. */
public final class Casework {

    private final String category;
    private final Integer monthlyPensionToman;
    private final LocalDate lastPensionChangeOn;
    private final LocalDate lastHomeVisitOn;

    public Casework(
            String category, Integer monthlyPensionToman, LocalDate lastPensionChangeOn, LocalDate lastHomeVisitOn) {
        this.category = category;
        this.monthlyPensionToman = monthlyPensionToman;
        this.lastPensionChangeOn = lastPensionChangeOn;
        this.lastHomeVisitOn = lastHomeVisitOn;
    }

    public String getCategory() {
        return category;
    }

    public Integer getMonthlyPensionToman() {
        return monthlyPensionToman;
    }

    public LocalDate getLastPensionChangeOn() {
        return lastPensionChangeOn;
    }

    public LocalDate getLastHomeVisitOn() {
        return lastHomeVisitOn;
    }
}
