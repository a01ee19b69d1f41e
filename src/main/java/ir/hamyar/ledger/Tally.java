package ir.hamyar.ledger;

import ir.hamyar.calendar.SolarHijri;
import java.time.LocalDate;

/**
 * What the programme reports count of one family decision (table {@code report_outcome}): its TIER, the applicant's
 * SAFE_HOUSE and STAY values, how many children it did not allow to accompany their mother, and the Solar Hijri month
 * (its first day) of the family's last home visit it was told of. No other input and no reason: the counts stay apart
 * from what a family said. {@link #NONE} for decisions the reports do not count.
 */
public record Tally(
        boolean counted, String tier, String safeHouse, String stay, int sonsNotAllowed, LocalDate homeVisitMonth) {

    public static final Tally NONE = new Tally(false, null, null, null, 0, null);

    /** A family decision's tally from its conclusions' (type, value) pairs and the day of its last home visit (or null). */
    public static Tally ofFamily(Iterable<String[]> conclusions, LocalDate lastHomeVisitOn) {
        String tier = null;
        String safeHouse = null;
        String stay = null;
        int sonsNotAllowed = 0;
        for (String[] conclusion : conclusions) {
            String value = conclusion[1];
            switch (conclusion[0]) {
                case "TIER" -> tier = tier == null ? value : tier;
                case "SAFE_HOUSE" -> safeHouse = safeHouse == null ? value : safeHouse;
                case "STAY" -> stay = stay == null ? value : stay;
                case "ACCOMPANY" -> sonsNotAllowed += "NOT_ALLOWED".equals(value) ? 1 : 0;
                default -> {}
            }
        }
        return new Tally(
                true,
                tier,
                safeHouse,
                stay,
                sonsNotAllowed,
                lastHomeVisitOn == null ? null : SolarHijri.firstOfMonth(lastHomeVisitOn));
    }
}
