package ir.hamyar.facts;

/** A Persian and an English text; as a reason's placeholder value, each reason takes the text of its language. */
public record Text(String fa, String en) {}
