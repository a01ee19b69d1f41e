package ir.hamyar.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** Somebody created, rejected, activated or rolled back a version, at a time, for a reason. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesetEvent(
        long id,
        OffsetDateTime at,
        String actor,
        RulesetAction action,
        int version,
        Integer previousVersion,
        String comment) {}
