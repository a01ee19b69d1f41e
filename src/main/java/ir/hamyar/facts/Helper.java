package ir.hamyar.facts;

import java.time.LocalDate;

/** A volunteer family helper: training hours and the families followed this service year. */
public final class Helper {

    private final String ref;
    private final LocalDate assessedOn;
    private final LocalDate serviceYearStartedOn;
    private final int preServiceTrainingHours;
    private final int inServiceTrainingHours;
    private final int focusedFamilies;

    public Helper(
            String ref,
            LocalDate assessedOn,
            LocalDate serviceYearStartedOn,
            int preServiceTrainingHours,
            int inServiceTrainingHours,
            int focusedFamilies) {
        this.ref = ref;
        this.assessedOn = assessedOn;
        this.serviceYearStartedOn = serviceYearStartedOn;
        this.preServiceTrainingHours = preServiceTrainingHours;
        this.inServiceTrainingHours = inServiceTrainingHours;
        this.focusedFamilies = focusedFamilies;
    }

    public String getRef() {
        return ref;
    }

    public LocalDate getAssessedOn() {
        return assessedOn;
    }

    public LocalDate getServiceYearStartedOn() {
        return serviceYearStartedOn;
    }

    public int getPreServiceTrainingHours() {
        return preServiceTrainingHours;
    }

    public int getInServiceTrainingHours() {
        return inServiceTrainingHours;
    }

    public int getFocusedFamilies() {
        return focusedFamilies;
    }
}
