package ir.hamyar.erasure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a subject is erased: her request to be forgotten, the end of a retention period. */
@Schema(
        name = "ErasureRequest",
        requiredProperties = {"reason"})
public record ErasureRequest(
        @Schema(minLength = 10, maxLength = 2000, description = "why, in Persian or English; kept with the erasure")
                String reason) {}
