package ir.hamyar.ledger;

import java.util.UUID;

/**
 * An override on record: its place in the override chain and the hashes that link it there, the data key its reason
 * is sealed under (null: a plain override made before sealing), the sha256 of what is stored of the reason, and the
 * erasure that wiped the reason, if one did (the override's reason is then null), and the form of its chain link
 * (null: the form before {@link HashChain#LENGTH_PREFIXED}).
 */
public record StoredOverride(
        long seq,
        CaseworkerOverride override,
        String previousHash,
        String hash,
        UUID keyId,
        String reasonDigest,
        Erased erased,
        Integer chainForm) {}
