package ir.hamyar.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A conclusion reduced to what it decides, as search results and impact list them; for the API description. */
@Schema(
        name = "Outcome",
        requiredProperties = {"type", "subject", "value"})
public record Outcome(String type, String subject, String value) {}
