package ir.hamyar.ledger;

import java.time.Instant;

/** The chain head at a moment, signed: {@code hmac = HMAC-SHA256(key, seq + "|" + hash + "|" + at)}. */
public record Checkpoint(long seq, String hash, Instant at, String hmac) {

    String signed() {
        return seq + "|" + hash + "|" + at;
    }
}
