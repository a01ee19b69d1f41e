package ir.hamyar.ledger;

import ir.hamyar.json.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The hash chains over decision records and over overrides: {@code hash = sha256(previousHash + "|" + canonical)}, the first record's
 * previous hash being 64 zeros. The canonical form lists every stored field (times in epoch microseconds, input and
 * response by their sha256), then the organisation when the record has one (so records made before organisations
 * keep their hashes); migration V3 computes the same form in SQL for records made before the chain existed.
 */
final class HashChain {

    static final String GENESIS = "0".repeat(64);

    private HashChain() {}

    static String link(String previousHash, long seq, Answered decision, Instant recordedAt) {
        return Sha256.hex((previousHash + "|" + canonical(seq, decision, recordedAt)).getBytes(StandardCharsets.UTF_8));
    }

    static boolean holds(StoredDecision stored) {
        return link(stored.previousHash(), stored.seq(), stored.answered(), stored.recordedAt())
                .equals(stored.hash());
    }

    /** The same chaining over overrides, in their own chain: every field, the reason by its sha256. */
    static String link(String previousHash, long seq, CaseworkerOverride override) {
        return Sha256.hex((previousHash + "|" + canonical(seq, override)).getBytes(StandardCharsets.UTF_8));
    }

    static boolean holds(StoredOverride stored) {
        return link(stored.previousHash(), stored.seq(), stored.override()).equals(stored.hash());
    }

    private static String canonical(long seq, CaseworkerOverride override) {
        return String.join(
                "|",
                Long.toString(seq),
                override.id().toString(),
                override.decisionId().toString(),
                override.type(),
                nullable(override.subject()),
                override.from(),
                override.to(),
                nullable(override.rule()),
                Sha256.hex(override.reason().getBytes(StandardCharsets.UTF_8)),
                override.overriddenBy(),
                nullable(override.organisation()),
                Long.toString(micros(override.overriddenAt())),
                nullable(override.idempotencyKey()),
                override.requestSha256());
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    private static String canonical(long seq, Answered decision, Instant recordedAt) {
        Asked asked = decision.asked();
        String fields = String.join(
                "|",
                Long.toString(seq),
                asked.id().toString(),
                asked.kind(),
                asked.subjectRef(),
                asked.assessedOn().toString(),
                Long.toString(micros(asked.at())),
                Long.toString(micros(recordedAt)),
                asked.caller(),
                asked.idempotencyKey() == null ? "" : asked.idempotencyKey(),
                asked.requestSha256(),
                Integer.toString(asked.rulesetVersion()),
                asked.rulesetSha256(),
                Sha256.hex(asked.input().getBytes(StandardCharsets.UTF_8)),
                Sha256.hex(decision.response().getBytes(StandardCharsets.UTF_8)));
        return asked.organisation() == null ? fields : fields + "|" + asked.organisation();
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
