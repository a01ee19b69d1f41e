package ir.hamyar.json;

/**
 * How much JSON one request may make the service read: nesting depth, items of one array, fields of one object,
 * characters of one string, and values in all. Checked while the body is read, before anything is bound or
 * validated, so that refusing a body costs time in proportion to its size and never more than a decision does.
 */
public record JsonLimits(int maxDepth, int maxArrayItems, int maxObjectFields, int maxStringChars, int maxValues) {

    /** One profile: at most 50 members by the contract; 100 items leaves room to say so for each. */
    public static final JsonLimits PROFILE = new JsonLimits(12, 100, 64, 4_096, 20_000);

    /** A batch: up to 500 profiles. */
    public static final JsonLimits BATCH = new JsonLimits(14, 500, 64, 4_096, 500 * 2_000);

    /** A ruleset draft as JSON changes: whole files as strings. */
    public static final JsonLimits RULESET = new JsonLimits(6, 100, 5_000, 16 * 1024 * 1024, 20_000);
}
