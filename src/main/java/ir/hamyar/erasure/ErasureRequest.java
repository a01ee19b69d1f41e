package ir.hamyar.erasure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a subject is erased (her request to be forgotten, the end of a retention period) and, for an admin of the whole
 * installation, whose: the organisation the ref belongs to (by default the admin's own, or none).
 */
@Schema(
        name = "ErasureRequest",
        requiredProperties = {"reason"})
public record ErasureRequest(
        @Schema(minLength = 10, maxLength = 2000, description = "why, in Persian or English; kept with the erasure")
                String reason,
        @Schema(
                        description = "the organisation whose subject this ref is (the same ref in another"
                                + " organisation is another subject); by default the admin's own, or none",
                        nullable = true)
                String organisation) {}
