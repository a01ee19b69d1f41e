package ir.hamyar.ledger;

import ir.hamyar.json.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The hash chains over decision records and over overrides: {@code hash = sha256(previousHash + "|" + canonical)}, the first record's
 * previous hash being 64 zeros. The canonical form lists every stored field (times in epoch microseconds, input and
 * response by the sha256 of what is stored of them: the ciphertext of a sealed record, so wiping its key leaves the
 * chain whole). A plain record (made before sealing) then adds its organisation when it has one (so records made
 * before organisations keep their hashes); a sealed one adds its organisation, its data key's id and the names of
 * the rules that fired, which stay readable after an erasure. Migration V3 computes the plain form in SQL for
 * records made before the chain existed.
 */
final class HashChain {

    static final String GENESIS = "0".repeat(64);

    private HashChain() {}

    static String link(String previousHash, long seq, Chained record) {
        return Sha256.hex((previousHash + "|" + canonical(seq, record)).getBytes(StandardCharsets.UTF_8));
    }

    static boolean holds(StoredDecision stored) {
        Chained record = new Chained(
                stored.asked(),
                stored.recordedAt(),
                stored.inputDigest(),
                stored.responseDigest(),
                stored.keyId(),
                stored.answered().terms().firedRules());
        return link(stored.previousHash(), stored.seq(), record).equals(stored.hash());
    }

    /** What of a decision record its hash covers. */
    record Chained(
            Asked asked,
            Instant recordedAt,
            String inputDigest,
            String responseDigest,
            UUID keyId,
            List<String> firedRules) {}

    /**
     * The same chaining over overrides, in their own chain: every field, the reason by the sha256 of what is stored
     * of it (the ciphertext, for a sealed override, whose data key's id is then added).
     */
    static String link(String previousHash, long seq, CaseworkerOverride override, String reasonDigest, UUID keyId) {
        return Sha256.hex(
                (previousHash + "|" + canonical(seq, override, reasonDigest, keyId)).getBytes(StandardCharsets.UTF_8));
    }

    static boolean holds(StoredOverride stored) {
        return link(stored.previousHash(), stored.seq(), stored.override(), stored.reasonDigest(), stored.keyId())
                .equals(stored.hash());
    }

    private static String canonical(long seq, CaseworkerOverride override, String reasonDigest, UUID keyId) {
        String fields = String.join(
                "|",
                Long.toString(seq),
                override.id().toString(),
                override.decisionId().toString(),
                override.type(),
                nullable(override.subject()),
                override.from(),
                override.to(),
                nullable(override.rule()),
                reasonDigest,
                override.overriddenBy(),
                nullable(override.organisation()),
                Long.toString(micros(override.overriddenAt())),
                nullable(override.idempotencyKey()),
                override.requestSha256());
        return keyId == null ? fields : fields + "|" + keyId;
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    private static String canonical(long seq, Chained record) {
        Asked asked = record.asked();
        String fields = String.join(
                "|",
                Long.toString(seq),
                asked.id().toString(),
                asked.kind(),
                asked.subjectRef(),
                asked.assessedOn().toString(),
                Long.toString(micros(asked.at())),
                Long.toString(micros(record.recordedAt())),
                asked.caller(),
                nullable(asked.idempotencyKey()),
                asked.requestSha256(),
                Integer.toString(asked.rulesetVersion()),
                asked.rulesetSha256(),
                record.inputDigest(),
                record.responseDigest());
        if (record.keyId() == null) {
            return asked.organisation() == null ? fields : fields + "|" + asked.organisation();
        }
        return fields + "|" + nullable(asked.organisation()) + "|" + record.keyId() + "|"
                + String.join(",", record.firedRules());
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
