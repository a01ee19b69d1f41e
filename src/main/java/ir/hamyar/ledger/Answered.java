package ir.hamyar.ledger;

import ir.hamyar.json.Utf8Json;

/**
 * A decision: what was asked, the answer exactly as it is sent and kept (the contract's Decision, as JSON; null once
 * erased), what audit searches find it by, and what the reports count of it ({@link Tally#NONE} once read back: it
 * is appended once, with the decision).
 */
public record Answered(Asked asked, Utf8Json response, SearchTerms terms, Tally tally) {

    /** The answer as text, for those who read it rather than send it; null once erased. */
    public String responseText() {
        return response == null ? null : response.text();
    }
}
