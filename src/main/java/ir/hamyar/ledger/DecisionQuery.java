package ir.hamyar.ledger;

import ir.hamyar.security.Caller;
import java.time.OffsetDateTime;

/** What an auditor looks for, within the organisations she may see; every filter is optional, and all given must hold. */
public record DecisionQuery(
        String subjectRef,
        String kind,
        String rule,
        String type,
        String value,
        Integer rulesetVersion,
        OffsetDateTime from,
        OffsetDateTime to,
        Caller.Scope scope) {}
