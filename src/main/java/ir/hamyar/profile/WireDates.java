package ir.hamyar.profile;

/**
 * How a date of a profile is written on the wire: ISO {@code YYYY-MM-DD}, or, with {@code "calendar": "JALALI"}, a
 * Solar Hijri date {@code YYYY-MM-DD} or {@code YYYY/MM/DD} in Latin, Persian or Arabic-Indic digits. Not
 * {@code format: date}, which would tell generated clients to refuse Jalali dates.
 */
final class WireDates {

    static final String PATTERN = "^[0-9۰-۹٠-٩]{4}[-/][0-9۰-۹٠-٩]{2}[-/][0-9۰-۹٠-٩]{2}$";
    static final String DESCRIPTION =
            "ISO date YYYY-MM-DD, or with calendar JALALI a Solar Hijri date YYYY-MM-DD or YYYY/MM/DD (Persian and"
                    + " Arabic-Indic digits accepted)";

    private WireDates() {}
}
