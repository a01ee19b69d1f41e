package ir.hamyar.ledger;

/**
 * A decision: what was asked, the answer exactly as it is sent and kept (the contract's Decision, as JSON; null once
 * erased), what audit searches find it by, and what the reports count of it ({@link Tally#NONE} once read back: it
 * is appended once, with the decision).
 */
public record Answered(Asked asked, String response, SearchTerms terms, Tally tally) {}
