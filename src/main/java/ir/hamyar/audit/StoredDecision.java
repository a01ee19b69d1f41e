package ir.hamyar.audit;

/** A decision as it is on record: the fields the hash chain covers, and its two hashes. */
public record StoredDecision(ChainedRecord record, String previousHash, String hash) {}
