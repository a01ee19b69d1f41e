package ir.hamyar.ledger;

/** An override on record: its place in the override chain and the hashes that link it there. */
public record StoredOverride(long seq, CaseworkerOverride override, String previousHash, String hash) {}
