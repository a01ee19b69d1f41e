package ir.hamyar.audit;

import ir.hamyar.engine.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The hash chain over decision records: {@code hash = sha256(previousHash + "|" + canonical)}, the first record's
 * previous hash being 64 zeros. The canonical form lists every stored field (times in epoch microseconds, input and
 * response by their sha256); migration V3 computes the same form in SQL for records made before the chain existed.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static String link(String previousHash, ChainedRecord record) {
        return Sha256.hex((previousHash + "|" + canonical(record)).getBytes(StandardCharsets.UTF_8));
    }

    static String canonical(ChainedRecord record) {
        return String.join(
                "|",
                Long.toString(record.seq()),
                record.id().toString(),
                record.kind(),
                record.subjectRef(),
                record.assessedOn().toString(),
                Long.toString(micros(record.decidedAt())),
                Long.toString(micros(record.recordedAt())),
                record.caller(),
                record.idempotencyKey() == null ? "" : record.idempotencyKey(),
                record.requestSha256(),
                Integer.toString(record.rulesetVersion()),
                record.rulesetSha256(),
                Sha256.hex(record.input().getBytes(StandardCharsets.UTF_8)),
                Sha256.hex(record.response().getBytes(StandardCharsets.UTF_8)));
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
