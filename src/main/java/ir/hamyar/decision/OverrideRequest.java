package ir.hamyar.decision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of an override: which conclusion of the decision, the value the caseworker chose, and why. */
@Schema(
        name = "OverrideRequest",
        requiredProperties = {"type", "value", "reason"})
public record OverrideRequest(
        String type,
        @Schema(description = "the conclusion's subject, as in the decision (omit for a conclusion with none)")
                String subject,
        String value,
        @Schema(minLength = 10, maxLength = 2000, description = "why, in Persian or English") String reason) {}
