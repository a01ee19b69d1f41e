package ir.hamyar.report;

/** Counts from 1 to 4 are reported as {@code "<5"}: in a small programme such a cell can point at one family. */
final class SmallCells {

    static final String SMALL = "<5";
    /** The smallest count shown as it is. */
    static final int SHOWN_FROM = 5;

    private SmallCells() {}

    static Object count(long count) {
        return count > 0 && count < SHOWN_FROM ? SMALL : count;
    }
}
