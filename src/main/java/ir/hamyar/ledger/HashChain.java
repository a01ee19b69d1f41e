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
 * the rules that fired. Migration V3 computes the plain form in SQL for records made before the chain existed.
 *
 * <p>Records of {@link #LENGTH_PREFIXED form 3} (migration V18 on) are chained over a canonical form whose every field
 * is prefixed by its length, so that no value can pass for a separator; their fired rules are covered only inside the
 * sealed answer (an erasure wipes them with it) and their request digest is an HMAC under the subject's data key.
 */
final class HashChain {

    static final String GENESIS = "0".repeat(64);
    static final int LENGTH_PREFIXED = 3;
    /** Overrides of form 4: as form 3, but what they changed is covered inside their sealed text, not in clear. */
    static final int SEALED_VALUES = 4;

    private HashChain() {}

    static String link(String previousHash, long seq, Chained record) {
        String canonical = Integer.valueOf(LENGTH_PREFIXED).equals(record.form())
                ? lengthPrefixed(seq, record)
                : canonical(seq, record);
        return Sha256.hex((previousHash + "|" + canonical).getBytes(StandardCharsets.UTF_8));
    }

    static boolean holds(StoredDecision stored) {
        Chained record = new Chained(
                stored.asked(),
                stored.recordedAt(),
                stored.inputDigest(),
                stored.responseDigest(),
                stored.keyId(),
                stored.answered().terms().firedRules(),
                stored.chainForm());
        return link(stored.previousHash(), stored.seq(), record).equals(stored.hash());
    }

    /** What of a decision record its hash covers ({@code form} null: the forms before {@link #LENGTH_PREFIXED}). */
    record Chained(
            Asked asked,
            Instant recordedAt,
            String inputDigest,
            String responseDigest,
            UUID keyId,
            List<String> firedRules,
            Integer form) {

        Chained(
                Asked asked,
                Instant recordedAt,
                String inputDigest,
                String responseDigest,
                UUID keyId,
                List<String> firedRules) {
            this(asked, recordedAt, inputDigest, responseDigest, keyId, firedRules, null);
        }
    }

    /** Form 3 of a decision's link. */
    private static String lengthPrefixed(long seq, Chained record) {
        Asked asked = record.asked();
        return canonical(
                LENGTH_PREFIXED,
                Long.toString(seq),
                asked.id().toString(),
                asked.kind(),
                asked.subjectRef(),
                asked.assessedOn().toString(),
                Long.toString(micros(asked.at())),
                Long.toString(micros(record.recordedAt())),
                asked.caller(),
                asked.organisation(),
                asked.idempotencyKey(),
                asked.requestSha256(),
                Integer.toString(asked.rulesetVersion()),
                asked.rulesetSha256(),
                record.inputDigest(),
                record.responseDigest(),
                record.keyId().toString());
    }

    /** The forms from 3 on: the form's number, then each field as {@code <length>:<value>}, or {@code ~} for none. */
    private static String canonical(int form, String... fields) {
        StringBuilder canonical = new StringBuilder(Integer.toString(form));
        for (String field : fields) {
            canonical.append(lengthPrefixed(field));
        }
        return canonical.toString();
    }

    static String lengthPrefixed(String field) {
        return field == null ? "~" : field.length() + ":" + field;
    }

    /**
     * The same chaining over overrides, in their own chain: every field, the reason by the sha256 of what is stored
     * of it (the ciphertext, for a sealed override, whose data key's id is then added).
     */
    static String link(
            String previousHash, long seq, CaseworkerOverride override, String reasonDigest, UUID keyId, Integer form) {
        String canonical = Integer.valueOf(SEALED_VALUES).equals(form)
                ? sealedValues(seq, override, reasonDigest, keyId)
                : Integer.valueOf(LENGTH_PREFIXED).equals(form)
                        ? lengthPrefixed(seq, override, reasonDigest, keyId)
                        : canonical(seq, override, reasonDigest, keyId);
        return Sha256.hex((previousHash + "|" + canonical).getBytes(StandardCharsets.UTF_8));
    }

    static boolean holds(StoredOverride stored) {
        return link(
                        stored.previousHash(),
                        stored.seq(),
                        stored.override(),
                        stored.reasonDigest(),
                        stored.keyId(),
                        stored.chainForm())
                .equals(stored.hash());
    }

    /**
     * Form 4 of an override's link: its place, ids, who, when and digests, length-prefixed; the conclusion it changed,
     * its values and rule are inside the sealed text whose digest is {@code sealedDigest}, so an erasure may wipe
     * their clear copies and the chain still holds.
     */
    private static String sealedValues(long seq, CaseworkerOverride override, String sealedDigest, UUID keyId) {
        return canonical(
                SEALED_VALUES,
                Long.toString(seq),
                override.id().toString(),
                override.decisionId().toString(),
                sealedDigest,
                override.overriddenBy(),
                override.organisation(),
                Long.toString(micros(override.overriddenAt())),
                override.idempotencyKey(),
                override.requestSha256(),
                keyId.toString());
    }

    /** Form 3 of an override's link: as {@link #canonical(long, CaseworkerOverride, String, UUID)}, length-prefixed. */
    private static String lengthPrefixed(long seq, CaseworkerOverride override, String reasonDigest, UUID keyId) {
        return canonical(
                LENGTH_PREFIXED,
                Long.toString(seq),
                override.id().toString(),
                override.decisionId().toString(),
                override.type(),
                override.subject(),
                override.from(),
                override.to(),
                override.rule(),
                reasonDigest,
                override.overriddenBy(),
                override.organisation(),
                Long.toString(micros(override.overriddenAt())),
                override.idempotencyKey(),
                override.requestSha256(),
                keyId == null ? null : keyId.toString());
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
