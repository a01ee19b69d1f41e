package ir.hamyar.report;

/** Counts from 1 to 4 are reported as {@code "<5"}: in a small programme such a cell can point at one family. */
final class SmallCells {

    static final String SMALL = "<5";

    private SmallCells() {}

    static Object count(long count) {
        return count > 0 && count < 5 ? SMALL : count;
    }
}
