package ir.hamyar.calendar;

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits, as intake forms type them. */
public final class Digits {

    private static final char PERSIAN_ZERO = '\u06F0';
    private static final char ARABIC_INDIC_ZERO = '\u0660';

    private Digits() {}

    public static String toLatin(String text) {
        StringBuilder latin = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= PERSIAN_ZERO && c <= PERSIAN_ZERO + 9) {
                latin.append((char) ('0' + (c - PERSIAN_ZERO)));
            } else if (c >= ARABIC_INDIC_ZERO && c <= ARABIC_INDIC_ZERO + 9) {
                latin.append((char) ('0' + (c - ARABIC_INDIC_ZERO)));
            } else {
                latin.append(c);
            }
        }
        return latin.toString();
    }

    public static String toPersian(String text) {
        StringBuilder persian = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            persian.append(c >= '0' && c <= '9' ? (char) (PERSIAN_ZERO + (c - '0')) : c);
        }
        return persian.toString();
    }
}
