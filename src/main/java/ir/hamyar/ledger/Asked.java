package ir.hamyar.ledger;

import ir.hamyar.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What was asked, as the record keeps it: the profile as received ({@code input}; for a batch item, its profile
 * object), whose it is and as of when, who asked (and for which organisation, if she has one) and under which
 * idempotency key, the sha256 of its canonical form, and the ruleset version that was to decide; {@code at} is when it was decided (or failed).
 */
public record Asked(
        UUID id,
        String kind,
        String subjectRef,
        LocalDate assessedOn,
        Instant at,
        String caller,
        String organisation,
        String idempotencyKey,
        String requestSha256,
        int rulesetVersion,
        String rulesetSha256,
        String input) {

    /** The same request, its digest replaced (by its HMAC under the subject's key, as recorded, or back). */
    Asked withRequestSha256(String digest) {
        return new Asked(
                id,
                kind,
                subjectRef,
                assessedOn,
                at,
                caller,
                organisation,
                idempotencyKey,
                digest,
                rulesetVersion,
                rulesetSha256,
                input);
    }

    /** May this caller see the record (her organisation's, her own, or any for an installation-wide reader)? */
    public boolean visibleTo(Caller caller) {
        return caller.sees(this.caller, organisation);
    }
}
