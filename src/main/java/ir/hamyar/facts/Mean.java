package ir.hamyar.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The mean of a set of scores, compared exactly against policy thresholds (1.996 is below 2.0 even though it is
 * shown as 2.00) and shown with two decimals.
 */
public final class Mean {

    private final BigDecimal sum;
    private final BigDecimal count;

    private Mean(BigDecimal sum, BigDecimal count) {
        this.sum = sum;
        this.count = count;
    }

    public static Mean of(Number sum, Number count) {
        return new Mean(new BigDecimal(sum.toString()), new BigDecimal(count.toString()));
    }

    public boolean isBelow(BigDecimal threshold) {
        return sum.compareTo(threshold.multiply(count)) < 0;
    }

    public BigDecimal rounded() {
        return sum.divide(count, 2, RoundingMode.HALF_UP);
    }

    @Override
    public String toString() {
        return rounded().toPlainString();
    }
}
