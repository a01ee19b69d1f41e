package ir.hamyar.ledger;

import ir.hamyar.privacy.DataKey;

/**
 * A request's digest as the record keeps it (chain form 3 on, and failed evaluations): the HMAC of its sha256 under the
 * subject's data key, so that a resend is still recognised while the key lives and no guessed profile is confirmed once
 * an erasure wiped it.
 */
final class RequestDigests {

    private static final String PURPOSE = "request";

    private RequestDigests() {}

    static String recorded(DataKey key, String requestSha256) {
        return key.mac(PURPOSE, requestSha256);
    }

    /** Is {@code recorded} the digest of the request whose sha256 this is (never, once the key is erased)? */
    static boolean sameRequest(DataKey key, String recorded, String requestSha256) {
        return key != null && recorded.equals(recorded(key, requestSha256));
    }
}
