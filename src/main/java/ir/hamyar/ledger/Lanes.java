package ir.hamyar.ledger;

/**
 * The decision chain's lanes (V13): up to {@link #COUNT} chains that writers append to at once, each under its own
 * advisory lock, joined by the signed checkpoints. Lane n holds seq n·10¹² + 1, n·10¹² + 2, …; lane 0 is the chain
 * as it was before lanes (1, 2, 3, …).
 */
public final class Lanes {

    static final int COUNT = 8;
    static final long SPAN = 1_000_000_000_000L;
    /** Every lane's lock, in lane order (an erasure's: no writer may seal under a key being wiped). */
    static final String LOCK_ALL = "select decision_chain_lock_all()";
    /** Every lane's head, lanes without records left out, lane by lane. */
    static final String HEADS = "select seq, hash from decision_chain_heads()";

    private Lanes() {}

    /**
     * A lane's lock for the transaction, the first free one from {@code preferred} on, and its head: the statement a
     * writer appends after.
     */
    static String lockAndReadHead(int preferred) {
        return "select seq, hash from decision_chain_lane(" + Math.floorMod(preferred, COUNT) + ")";
    }

    /** The lane a record is on: its seq says it. */
    public static int of(long seq) {
        return (int) (seq / SPAN);
    }

    /** The seq before a lane's first record (its first is this + 1). */
    static long before(int lane) {
        return lane * SPAN;
    }
}
