package ir.hamyar.report;

/**
 * How a count is shown. Counts from 1 to 4 are {@code "<5"}: in a small programme such a cell can point at one family.
 * A count that is not small itself but would give one away by its difference from a count shown elsewhere (another
 * period a caller may ask for) is suppressed as {@code "x"} (complementary suppression); docs/security.md works an
 * example.
 */
final class SmallCells {

    static final String SMALL = "<5";
    static final String SUPPRESSED = "x";
    /** The smallest count shown as it is. */
    static final int SHOWN_FROM = 5;

    private SmallCells() {}

    static Object count(long count) {
        return isSmall(count) ? SMALL : count;
    }

    /** The sum of monthly counts, shown only when every month's count would be (so no difference of periods is small). */
    static Object sumOfMonths(long[] monthly) {
        long sum = 0;
        boolean aMonthIsSmall = false;
        for (long count : monthly) {
            sum += count;
            aMonthIsSmall |= isSmall(count);
        }
        return isSmall(sum) ? SMALL : aMonthIsSmall ? SUPPRESSED : sum;
    }

    /** {@code counts[0]} over the period, shown only when it differs from none of the nested periods' by 1 to 4. */
    static Object apartFromNested(long[] counts) {
        if (isSmall(counts[0])) {
            return SMALL;
        }
        for (int nested = 1; nested < counts.length; nested++) {
            if (isSmall(Math.abs(counts[0] - counts[nested]))) {
                return SUPPRESSED;
            }
        }
        return counts[0];
    }

    private static boolean isSmall(long count) {
        return count > 0 && count < SHOWN_FROM;
    }
}
