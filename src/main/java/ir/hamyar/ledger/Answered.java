package ir.hamyar.ledger;

/** A decision: what was asked, and the answer exactly as it is sent and kept (the contract's Decision, as JSON). */
public record Answered(Asked asked, String response) {}
