package ir.hamyar.ledger;

import java.time.OffsetDateTime;

/** What an auditor looks for; every field is optional, and all given must hold. */
public record DecisionQuery(
        String subjectRef,
        String kind,
        String rule,
        String type,
        String value,
        Integer rulesetVersion,
        OffsetDateTime from,
        OffsetDateTime to) {}
