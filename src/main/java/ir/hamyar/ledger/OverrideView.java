package ir.hamyar.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An override as the contract answers and lists it. */
@Schema(name = "CaseworkerOverride")
public record OverrideView(
        @Schema(format = "uuid") String overrideId,
        @Schema(format = "uuid") String decisionId,
        @Schema(nullable = true, description = "null once the subject was erased") String type,
        @Schema(nullable = true) String subject,
        @Schema(description = "the conclusion's value before this override (null once erased)", nullable = true)
                String from,
        @Schema(description = "the value the caseworker chose (null once erased)", nullable = true) String to,
        @Schema(description = "the rule that drew the overridden conclusion", nullable = true) String rule,
        String reason,
        String overriddenBy,
        @Schema(nullable = true) String organisation,
        Instant overriddenAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
                @Schema(nullable = true, description = "present once the subject was erased; the reason is then null")
                Erased erased) {

    public static OverrideView of(StoredOverride stored) {
        CaseworkerOverride override = stored.override();
        return new OverrideView(
                override.id().toString(),
                override.decisionId().toString(),
                override.type(),
                override.subject(),
                override.from(),
                override.to(),
                override.rule(),
                override.reason(),
                override.overriddenBy(),
                override.organisation(),
                override.overriddenAt(),
                stored.erased());
    }
}
