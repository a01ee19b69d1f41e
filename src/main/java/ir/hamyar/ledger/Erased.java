package ir.hamyar.ledger;

import java.time.Instant;

/** What the record shows in place of an erased subject's input and answer: when, by whom and why she was erased. */
public record Erased(Instant at, String by, String reason) {}
